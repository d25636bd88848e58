/// A snapshot of files held in memory (a Git commit's tree): nothing is read from or written to the disk.
///
/// Paths resolve against `root` (absolute paths must lie under it); anything outside the root does not exist.
/// Directories are implied by the file paths; there are no symbolic links.
public struct MemoryFileTree: FileTree {
    /// The absolute directory the snapshot stands for; relative paths resolve against it.
    public let root: String
    private let files: [String: [UInt8]]
    /// Directory path relative to the root ("" for the root) → child names, sorted.
    private let directories: [String: [String]]

    /// `files`: paths relative to `root` ("desired-state/terraform/aws/main.tf") → bytes; directories are implied.
    /// A relative `root` is taken from `/`; paths that leave the root (`../x`) are ignored.
    public init(root: String, files: [String: [UInt8]]) {
        self.root = TreePath.clean(root.hasPrefix("/") ? root : "/" + root)
        var stored: [String: [UInt8]] = [:]
        var children: [String: Set<String>] = ["": []]
        for (path, bytes) in files {
            let key = TreePath.clean(path.hasPrefix("/") ? String(path.drop { $0 == "/" }) : path)
            guard key != ".", key != "..", !key.hasPrefix("../") else { continue }
            stored[key] = bytes
            var child = Substring(key)
            while true {
                let slash = child.lastIndex(of: "/")
                let parent = slash.map { String(child[..<$0]) } ?? ""
                let name = String(slash.map { child[child.index(after: $0)...] } ?? child)
                let inserted = children[parent, default: []].insert(name).inserted
                guard inserted, let slash else { break }
                child = child[..<slash]
            }
        }
        self.files = stored
        self.directories = children.mapValues { $0.sorted() }
    }

    /// The file's bytes (shared, not copied), or why not.
    public func read(_ path: String, maxSize: Int) -> FileTreeReadResult {
        guard let key = key(path) else { return .missing }
        if let bytes = files[key] {
            return bytes.count > maxSize ? .tooLarge(bytes.count) : .success(bytes)
        }
        return directories[key] != nil ? .failure("is a directory") : .missing
    }

    /// `.file` or `.directory`; nil outside the snapshot.
    public func kind(_ path: String) -> FileKind? {
        guard let key = key(path) else { return nil }
        if files[key] != nil { return .file }
        return directories[key] != nil ? .directory : nil
    }

    /// Sorted child names of a directory.
    public func entries(_ directory: String) -> [String]? {
        guard let key = key(directory), files[key] == nil else { return nil }
        return directories[key]
    }

    /// The root: Terraform's `path.cwd` in a snapshot.
    public var workingDirectory: String { root }

    /// The path relative to the root ("" for the root itself), or nil when it lies outside.
    private func key(_ path: String) -> String? {
        let absolute = TreePath.clean(path.hasPrefix("/") ? path : root + "/" + path)
        if absolute == root { return "" }
        let prefix = root == "/" ? "/" : root + "/"
        guard absolute.hasPrefix(prefix) else { return nil }
        return String(absolute.dropFirst(prefix.count))
    }
}
