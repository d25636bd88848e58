/// A snapshot of files held in memory (a Git commit's tree): nothing is read from or written to the disk.
///
/// Paths resolve against `root` (absolute paths must lie under it); anything outside the root does not exist.
/// Directories are implied by the file paths; there are no symbolic links.
public struct MemoryFileTree: FileTree {
    /// The absolute directory the snapshot stands for; relative paths resolve against it.
    public let root: String
    private let files: [String: [UInt8]]
    /// Files known only by size (left unread because they were over the snapshot's limit).
    private let oversized: [String: Int]
    /// Files within their limit read only when asked for.
    private let deferred: [String: DeferredFile]
    /// Directory path relative to the root ("" for the root) → child names, sorted.
    private let directories: [String: [String]]

    /// `files`: paths relative to `root` ("desired-state/terraform/aws/main.tf") → bytes; directories are implied.
    /// A relative `root` is taken from `/`; paths that leave the root (`../x`) are ignored. `oversized` lists
    /// files left unread by size: they exist, and reading one is always `.tooLarge`. `deferred` lists files read
    /// on first use.
    public init(
        root: String, files: [String: [UInt8]], oversized: [String: Int] = [:], deferred: [String: DeferredFile] = [:]
    ) {
        self.root = TreePath.clean(root.hasPrefix("/") ? root : "/" + root)
        var stored: [String: [UInt8]] = [:]
        var unread: [String: Int] = [:]
        var later: [String: DeferredFile] = [:]
        var children: [String: Set<String>] = ["": []]
        let entries =
            files.keys.map { ($0, 0) } + oversized.keys.map { ($0, 1) } + deferred.keys.map { ($0, 2) }
        for (path, kind) in entries {
            let key = TreePath.clean(path.hasPrefix("/") ? String(path.drop { $0 == "/" }) : path)
            guard key != ".", key != "..", !key.hasPrefix("../") else { continue }
            switch kind {
            case 0: stored[key] = files[path]
            case 1: unread[key] = oversized[path]
            default: later[key] = deferred[path]
            }
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
        self.oversized = unread
        self.deferred = later
        self.directories = children.mapValues { $0.sorted() }
    }

    /// The file's bytes (shared, not copied), or why not.
    public func read(_ path: String, maxSize: Int) -> FileTreeReadResult {
        guard let key = key(path) else { return .missing }
        if let bytes = files[key] {
            return bytes.count > maxSize ? .tooLarge(bytes.count) : .success(bytes)
        }
        if let size = oversized[key] { return .tooLarge(size) }
        if let file = deferred[key] { return file.size > maxSize ? .tooLarge(file.size) : file.read() }
        return directories[key] != nil ? .failure("is a directory") : .missing
    }

    /// `.file` or `.directory`; nil outside the snapshot.
    public func kind(_ path: String) -> FileKind? {
        guard let key = key(path) else { return nil }
        if files[key] != nil || oversized[key] != nil || deferred[key] != nil { return .file }
        return directories[key] != nil ? .directory : nil
    }

    /// Sorted child names of a directory.
    public func entries(_ directory: String) -> [String]? {
        guard let key = key(directory), files[key] == nil, oversized[key] == nil, deferred[key] == nil else { return nil }
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
