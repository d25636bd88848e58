import HCL
import Model

/// The files of a plan as the fixes so far left them, with the ranges each fix wrote, so a later fix that would
/// rewrite an earlier fix's text is caught as a conflict. A value type: a fix works on a copy and is kept only
/// when all its actions succeed.
struct EditWorkspace: Sendable {
    let tree: any FileTree
    let maxFileSize: Int
    private(set) var current: [String: WorkingFile] = [:]
    private(set) var originals: [String: [UInt8]] = [:]
    /// Directory listings, read once per plan (planning never adds files).
    private var listings: [String: [String]] = [:]
    /// Per file: ranges of the current text written by a fix, and which fix wrote them.
    private var written: [String: [(range: Range<Int>, owner: Int)]] = [:]

    init(tree: any FileTree, maxFileSize: Int = 8 << 20) {
        self.tree = tree
        self.maxFileSize = maxFileSize
    }

    /// The file at `path` (absolute in the tree) as edited so far.
    mutating func file(_ path: String) throws(FixProblem) -> WorkingFile {
        if let file = current[path] { return file }
        switch tree.read(path, maxSize: maxFileSize) {
        case .success(let bytes):
            let file = WorkingFile(path: path, bytes: bytes)
            current[path] = file
            originals[path] = bytes
            return file
        case .tooLarge(let size):
            throw FixProblem(.notFound, "\(path) is too large to edit (\(size) bytes)")
        case .missing:
            throw FixProblem(.notFound, "\(path) does not exist")
        case .failure(let message):
            throw FixProblem(.notFound, "cannot read \(path): \(message)")
        }
    }

    /// Takes over the files `other` loaded but did not change (a failed attempt's parses stay useful).
    mutating func adoptUnchanged(from other: EditWorkspace) {
        listings.merge(other.listings) { mine, _ in mine }
        for (path, file) in other.current where current[path] == nil && other.originals[path] == file.bytes {
            current[path] = file
            originals[path] = file.bytes
        }
    }

    /// Paths of the `.tf` files directly in `directory`, sorted.
    mutating func terraformFiles(in directory: String) -> [String] {
        files(in: directory) { $0.hasSuffix(".tf") }
    }

    /// Paths of the files directly in `directory` whose names satisfy `include`, sorted.
    mutating func files(in directory: String, where include: (String) -> Bool) -> [String] {
        let names: [String]
        if let known = listings[directory] {
            names = known
        } else {
            names = (tree.entries(directory) ?? []).sorted()
            listings[directory] = names
        }
        return names.filter(include).map { join(directory, $0) }
    }

    /// Files whose text differs from the tree's, in path order.
    var changedFiles: [(path: String, original: [UInt8], updated: [UInt8])] {
        current.keys.sorted().compactMap { path in
            guard let original = originals[path], let now = current[path], now.bytes != original else { return nil }
            return (path, original, now.bytes)
        }
    }

    /// Applies one action's edits for fix `owner`: checks conflicts with other fixes' text, realigns `=` where
    /// fmt would, and re-parses. Returns the first changed line per file. Throws without changing anything.
    mutating func commit(_ edits: [TextEdit], owner: Int) throws(FixProblem) -> [String: Int] {
        var byFile: [String: [TextEdit]] = [:]
        for edit in edits { byFile[edit.path, default: []].append(edit) }
        var staged: [String: (file: WorkingFile, written: [(range: Range<Int>, owner: Int)], line: Int)] = [:]
        for (path, fileEdits) in byFile {
            let file = try self.file(path)
            for (i, edit) in fileEdits.enumerated() {
                for other in fileEdits[(i + 1)...] where edit.overlaps(other) {
                    throw FixProblem(.conflict, "the fix edits the same text twice", at: position(of: edit, in: file))
                }
                for previous in written[path] ?? [] where previous.owner != owner && !edit.isLayout {
                    let probe = TextEdit(path: path, start: previous.range.lowerBound, end: previous.range.upperBound, text: "")
                    if edit.overlaps(probe) {
                        throw FixProblem(
                            .conflict, "an earlier fix in this plan already changed this text",
                            at: position(of: edit, in: file))
                    }
                }
            }
            let (bytes, wrote) = TextEdit.apply(fileEdits, to: file.bytes)
            var updated = WorkingFile(path: path, bytes: bytes)
            guard updated.isValid else {
                let first = updated.parsed.diagnostics.first { $0.severity == .error }
                throw FixProblem(
                    .verificationFailed, "the edit would not parse: \(first?.message ?? "syntax error")",
                    at: first?.range)
            }
            var touched = Set<Int>()
            for range in wrote {
                let last = max(range.lowerBound, range.upperBound - 1)
                for line in updated.line(ofByte: range.lowerBound)...updated.line(ofByte: last) { touched.insert(line) }
            }
            var carried = (written[path] ?? []).map { entry in
                (
                    range: TextEdit.map(
                        entry.range.lowerBound, through: fileEdits)..<TextEdit.map(entry.range.upperBound, through: fileEdits),
                    owner: entry.owner
                )
            }
            carried += wrote.map { (range: $0, owner: owner) }
            let layout = AttributeAlignment.edits(in: updated, touching: touched)
            if !layout.isEmpty {
                let (aligned, _) = TextEdit.apply(layout, to: updated.bytes)
                carried = carried.map { entry in
                    (
                        range: TextEdit.map(
                            entry.range.lowerBound, through: layout)..<TextEdit.map(entry.range.upperBound, through: layout),
                        owner: entry.owner
                    )
                }
                updated = WorkingFile(path: path, bytes: aligned)
                guard updated.isValid else {
                    throw FixProblem(.verificationFailed, "realigning the attributes broke the file", at: .wholeFile(path))
                }
            }
            let firstLine = wrote.map { updated.line(ofByte: $0.lowerBound) }.min() ?? 1
            staged[path] = (updated, carried, firstLine)
        }
        var lines: [String: Int] = [:]
        for (path, entry) in staged {
            current[path] = entry.file
            written[path] = entry.written
            lines[path] = entry.line
        }
        return lines
    }

    private func position(of edit: TextEdit, in file: WorkingFile) -> SourceRange {
        let line = file.line(ofByte: edit.start)
        let p = SourcePosition(line: line, column: 1, byte: edit.start)
        return SourceRange(file: file.path, start: p, end: p)
    }

    private func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
