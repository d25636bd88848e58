import HCL
import Model

/// The files of a plan as the fixes so far left them, with the ranges each fix wrote, so a later fix that would
/// rewrite an earlier fix's text is caught as a conflict. A fix runs as a transaction (`begin`, then `end` or
/// `rollback`) and is kept only when all its actions succeed.
///
/// A file of many top-level blocks is held as fragments (`FileFragments`), each a `WorkingFile` of its own keyed
/// by the path and the fragment's number, so an edit re-parses a few blocks, not the whole file. Positions inside
/// a fragment are relative to it; `location(_:line:)` and `translate(_:)` turn them into the file's.
struct EditWorkspace: Sendable {
    let tree: any FileTree
    let maxFileSize: Int
    /// Keyed by `WorkingFile.path`: a file's path, or a fragment's key.
    private(set) var current: [String: WorkingFile] = [:]
    private var originals: [String: [UInt8]] = [:]
    /// Per file path: the keys of its fragments in file order (just the path for a file kept whole).
    private var fragments: [String: [String]] = [:]
    /// Per fragment key: the file path it belongs to.
    private var owners: [String: String] = [:]
    /// Per fragment key: its place among its file's fragments.
    private var places: [String: Int] = [:]
    /// Per file path: the lines and bytes of each fragment as edited so far, so where a fragment starts in its file is
    /// a running total rather than a pass over the fragments before it.
    private var lineSums: [String: PrefixSums] = [:]
    private var byteSums: [String: PrefixSums] = [:]
    /// Per module directory a fix asked about: what its `.tf` files define and read, kept in step with the edits.
    private var indexes: [String: DirectoryIndex] = [:]
    /// Work done so far.
    private(set) var effort = PlanningEffort()
    /// Per file path: `TYPE NAME` of each resource block → the key of the fragment holding it.
    private var resources: [String: [String: String]] = [:]
    /// Directory listings, read once per plan (planning never adds files).
    private var listings: [String: [String]] = [:]
    /// Per root module directory a value was traced in: its variable definition files and what they assign.
    private var variableFiles: [String: VariableFiles] = [:]
    /// Per fragment key: its top-level items as loaded (`FragmentShape`), to tell an edit that kept them from one that did not.
    private var shapes: [String: [String]] = [:]
    /// Per fragment: ranges of the current text written by a fix, and which fix wrote them.
    private var written: [String: [(range: Range<Int>, owner: Int)]] = [:]
    /// What the running transaction changed: each touched fragment as it was before.
    private var journal: [String: (file: WorkingFile, written: [(range: Range<Int>, owner: Int)]?)]?

    init(tree: any FileTree, maxFileSize: Int = 8 << 20) {
        self.tree = tree
        self.maxFileSize = maxFileSize
    }

    /// The fragment `key` (a path names a file kept whole, or its first fragment) as edited so far.
    mutating func file(_ key: String) throws(FixProblem) -> WorkingFile {
        if let file = current[key] { return file }
        try load(key)
        guard let file = current[key] ?? fragments[key]?.first.flatMap({ current[$0] }) else {
            throw FixProblem(.notFound, "\(key) does not exist")
        }
        return file
    }

    /// The fragments of the file at `path` (absolute in the tree), in file order.
    mutating func parts(of path: String) throws(FixProblem) -> [WorkingFile] {
        if fragments[path] == nil { try load(path) }
        let keys = fragments[path] ?? []
        effort.fragmentsVisited += keys.count
        return keys.compactMap { current[$0] }
    }

    /// The file path fragment `key` belongs to.
    func path(of key: String) -> String { owners[key] ?? key }

    /// Answers `query` from the index of the `.tf` files directly in `directory`, built on first use.
    mutating func lookup<T>(in directory: String, _ query: (DirectoryIndex) -> T) throws(FixProblem) -> T {
        let index: DirectoryIndex
        if let known = indexes[directory] {
            index = known
        } else {
            var files: [WorkingFile] = []
            for path in terraformFiles(in: directory) { files += try parts(of: path) }
            index = DirectoryIndex(files)
            indexes[directory] = index
        }
        return query(index)
    }

    /// The fragment of the file at `path` holding `resource "TYPE" "NAME"`, and that block.
    mutating func resource(type: String, name: String, in path: String) throws(FixProblem) -> (file: WorkingFile, block: Block)? {
        if fragments[path] == nil { try load(path) }
        guard let key = resources[path]?[type + " " + name], let file = current[key],
            let block = file.parsed.body.blocks.first(where: { $0.type == "resource" && $0.labels == [type, name] })
        else { return nil }
        return (file, block)
    }

    /// The file path and line in it of `line` of fragment `key`.
    mutating func location(_ key: String, line: Int) -> (file: String, line: Int) {
        let path = owners[key] ?? key
        guard let place = places[key], let before = lineSums[path]?.sum(before: place) else { return (path, line) }
        effort.fragmentsVisited += before.steps
        return (path, line + before.total)
    }

    /// `range` (in a fragment, named by its key) as a range of the whole file.
    func translate(_ range: SourceRange) -> SourceRange {
        guard let path = owners[range.file], let place = places[range.file] else { return range }
        let lines = lineSums[path]?.sum(before: place).total ?? 0
        let bytes = byteSums[path]?.sum(before: place).total ?? 0
        func shift(_ p: SourcePosition) -> SourcePosition {
            SourcePosition(line: p.line + lines, column: p.column, byte: p.byte + bytes)
        }
        return SourceRange(file: path, start: shift(range.start), end: shift(range.end))
    }

    /// Starts a fix: what `commit` changes from here can be undone by `rollback`.
    mutating func begin() { journal = [:] }

    /// Keeps what the fix changed.
    mutating func end() { journal = nil }

    /// Undoes what the fix changed since `begin` (files it read stay loaded, unchanged).
    mutating func rollback() {
        for (key, before) in journal ?? [:] {
            replace(key, with: before.file)
            written[key] = before.written
        }
        journal = nil
    }

    /// Sets the current text of fragment `key`, keeping the running totals and the directory's index in step.
    private mutating func replace(_ key: String, with file: WorkingFile) {
        current[key] = file
        let path = owners[key] ?? key
        if let place = places[key] {
            effort.fragmentsVisited += lineSums[path]?.set(place, to: file.lineCount - 1) ?? 0
            byteSums[path]?.set(place, to: file.bytes.count)
        }
        indexes[ValueTracer.directory(of: path)]?.replace(file)
    }

    /// Reads the file at `path` and keeps it whole or as fragments.
    private mutating func load(_ path: String) throws(FixProblem) {
        let bytes: [UInt8]
        switch tree.read(path, maxSize: maxFileSize) {
        case .success(let read): bytes = read
        case .tooLarge(let size): throw FixProblem(.notFound, "\(path) is too large to edit (\(size) bytes)")
        case .missing: throw FixProblem(.notFound, "\(path) does not exist")
        case .failure(let message): throw FixProblem(.notFound, "cannot read \(path): \(message)")
        }
        // A file cut into fragments is parsed once, piece by piece; one that cannot be cut is parsed whole.
        let files = FileFragments(path: path, bytes: bytes)?.pieces ?? [WorkingFile(path: path, bytes: bytes)]
        effort.bytesParsed += bytes.count
        var index: [String: String] = [:]
        for (place, file) in files.enumerated() {
            places[file.path] = place
            current[file.path] = file
            originals[file.path] = file.bytes
            shapes[file.path] = Self.shape(of: file)
            owners[file.path] = path
            for block in file.parsed.body.blocks where block.type == "resource" && block.labels.count == 2 {
                index[block.labels[0] + " " + block.labels[1]] = index[block.labels[0] + " " + block.labels[1]] ?? file.path
            }
        }
        fragments[path] = files.map(\.path)
        lineSums[path] = PrefixSums(files.map { $0.lineCount - 1 })
        byteSums[path] = PrefixSums(files.map(\.bytes.count))
        resources[path] = index
    }

    /// Whether a `.tfvars.json` file directly in `directory` mentions `name` (as a key or a string value); its path.
    mutating func jsonVariableFile(mentioning name: String, in directory: String) -> String? {
        let files = variables(in: directory)
        for path in files.json {
            if files.jsonStrings[path] == nil {
                var strings = Set<String>()
                if case .success(let bytes) = tree.read(path, maxSize: maxFileSize) {
                    strings = VariableFiles.strings(in: bytes)
                    effort.bytesParsed += bytes.count
                }
                variableFiles[directory]?.jsonStrings[path] = strings
            }
            if variableFiles[directory]?.jsonStrings[path]?.contains(name) == true { return path }
        }
        return nil
    }

    /// The first `.tfvars` file directly in `directory`, in Terraform's precedence, assigning `name`: its path
    /// and the fragment holding the assignment as edited so far.
    mutating func tfvarsAssignment(of name: String, in directory: String) throws(FixProblem) -> (path: String, file: WorkingFile)? {
        for path in variables(in: directory).precedence {
            if variableFiles[directory]?.assignments[path] == nil {
                var names: [String: String] = [:]
                for part in try parts(of: path) {
                    for attribute in part.parsed.body.attributes where names[attribute.name] == nil {
                        names[attribute.name] = part.path
                    }
                }
                variableFiles[directory]?.assignments[path] = names
            }
            // Fixes rewrite values, never the names assigned, so the fragment found first still assigns it.
            if let key = variableFiles[directory]?.assignments[path]?[name] { return (path, try file(key)) }
        }
        return nil
    }

    private mutating func variables(in directory: String) -> VariableFiles {
        if let known = variableFiles[directory] { return known }
        _ = files(in: directory) { _ in false }  // reads the listing once
        let found = VariableFiles(directory: directory, names: listings[directory] ?? [])
        variableFiles[directory] = found
        return found
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
        fragments.keys.sorted().compactMap { path in
            let keys = fragments[path] ?? []
            guard keys.contains(where: { originals[$0] != current[$0]?.bytes }) else { return nil }
            return (path, keys.flatMap { originals[$0] ?? [] }, keys.flatMap { current[$0]?.bytes ?? [] })
        }
    }

    /// The fragments whose text differs from the tree's, in path order: the file each belongs to, the fragment as
    /// edited, and whether its top-level items (kinds, labels, attribute names) are still those it had.
    var changedFragments: [(path: String, fragment: WorkingFile, sameItems: Bool)] {
        fragments.keys.sorted().flatMap { path in
            (fragments[path] ?? []).compactMap { key -> (path: String, fragment: WorkingFile, sameItems: Bool)? in
                guard let file = current[key], originals[key] != file.bytes else { return nil }
                return (path, file, shapes[key] == Self.shape(of: file))
            }
        }
    }

    /// The top-level items of `file`: each block's type and labels, each attribute's name.
    private static func shape(of file: WorkingFile) -> [String] {
        file.parsed.body.blocks.map { ([$0.type] + $0.labels).joined(separator: "\u{1F}") }
            + file.parsed.body.attributes.map { "=" + $0.name }
    }

    /// Applies one action's edits for fix `owner`: checks conflicts with other fixes' text, realigns `=` where
    /// fmt would, and re-parses. Returns the first changed line per fragment. Throws without changing anything.
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
            effort.bytesParsed += bytes.count
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
                effort.bytesParsed += aligned.count
                guard updated.isValid else {
                    throw FixProblem(.verificationFailed, "realigning the attributes broke the file", at: .wholeFile(path))
                }
            }
            let firstLine = wrote.map { updated.line(ofByte: $0.lowerBound) }.min() ?? 1
            staged[path] = (updated, carried, firstLine)
        }
        var lines: [String: Int] = [:]
        for (path, entry) in staged {
            if journal != nil, journal?[path] == nil, let before = current[path] {
                journal?[path] = (before, written[path])
            }
            replace(path, with: entry.file)
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
