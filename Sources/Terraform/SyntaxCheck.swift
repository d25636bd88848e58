import Foundation
import HCL
import Model

/// Parses every Terraform-syntax file under some paths, on all cores, without evaluating anything.
public enum SyntaxCheck {
    /// Outcome of a syntax check.
    public struct Result: Sendable {
        public var files: [ParsedFile]
        public var bytes: Int
        public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }
    }

    /// Extensions of the files HCL parses here.
    static let extensions = [".tf", ".tf.json", ".tfvars", ".tfvars.json", ".hcl"]

    /// `paths` may be files or directories (walked recursively; hidden directories such as `.terraform` skipped).
    /// `bytes` counts the bytes read (a file over the size limit is not read, so not counted).
    public static func run(
        _ paths: [String], limits: ParserLimits = ParserLimits(), in tree: any FileTree = DiskFileTree()
    ) -> Result {
        var files: [String] = []
        for path in paths { collect(path, in: tree, into: &files) }
        let parsed = ModuleFiles.parseCounting(files, displayBase: ".", limits: limits, in: tree)
        return Result(files: parsed.map(\.file), bytes: parsed.reduce(0) { $0 + $1.bytes })
    }

    /// A file as given, or a directory's files through the walker `scan` uses: links to directories are not
    /// followed, so a link back up the tree cannot make the walk loop or multiply.
    static func collect(_ path: String, in tree: any FileTree, into out: inout [String]) {
        guard tree.resolvedKind(path) == .directory else {
            out.append(path)  // the parser reports a missing file with its name
            return
        }
        for directory in FileTreeWalker.walk(path, in: tree) {
            for name in directory.files where !name.hasPrefix(".") && extensions.contains(where: { name.hasSuffix($0) }) {
                out.append((directory.path as NSString).appendingPathComponent(name))
            }
        }
    }
}
