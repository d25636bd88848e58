import Foundation
import Model
import Remediation

/// Writes the edited Terraform files of a fix run: through symbolic links to the file they name (the link stays,
/// and so do the mode bits and owner), but only when that file is inside one of the scanned roots; an edit whose
/// file resolves elsewhere is refused, so a link committed to a repository cannot make `fix` write outside it.
struct FixFileWriter {
    /// The scanned directories, with symbolic links resolved.
    let roots: [String]

    /// A writer confined to `roots` (absolute directories).
    init(roots: [String]) {
        self.roots = roots.map { Self.real($0) }
    }

    /// Why one edited file was not written, and where its first edit is.
    struct Failure: Error {
        var path: String
        var line: Int
        var column: Int
        var reason: String
    }

    /// Writes `edit.updated` to its file; throws, leaving the file untouched, when it resolves outside the roots or
    /// cannot be written.
    func write(_ edit: FileEdit) throws(Failure) {
        let output = OutputFile(path: edit.path)
        let target: String
        do { target = Self.real(try output.resolved()) } catch { throw failure(edit, "cannot write: \(error)") }
        guard roots.contains(where: { target == $0 || target.hasPrefix($0 == "/" ? "/" : $0 + "/") }) else {
            throw failure(edit, "it resolves to \(target), outside the scanned directories (a symbolic link); not edited")
        }
        do { try output.write(edit.updated) } catch { throw failure(edit, "cannot write: \(error)") }
    }

    private func failure(_ edit: FileEdit, _ reason: String) -> Failure {
        let (line, column) = Self.firstChange(edit.original, edit.updated)
        return Failure(path: edit.path, line: line, column: column, reason: reason)
    }

    /// The 1-based line and column of the first byte where `old` and `new` differ.
    static func firstChange(_ old: String, _ new: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for (a, b) in zip(old.utf8, new.utf8) {
            if a != b { break }
            if a == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    /// `path` with every symbolic link resolved (a file that does not exist yet resolves through its directory).
    static func real(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else {
            let url = URL(fileURLWithPath: path)
            let parent = url.deletingLastPathComponent().path
            return parent == path ? path : real(parent) + "/" + url.lastPathComponent
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
