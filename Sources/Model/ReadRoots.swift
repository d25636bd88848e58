/// The directories evaluation may read from: the scanned repository (or the scanned directory when it is in
/// none) and any the operator adds. A path is inside when its real path, symbolic links resolved, lies in one of
/// them, so neither `..`, an absolute path nor a link can lead a read elsewhere.
public struct ReadRoots: Sendable, Equatable {
    /// Real, absolute directories, sorted, each once.
    public let directories: [String]

    /// `directories` (absolute, or relative to the tree's working directory) resolved in `tree`; one that cannot
    /// be resolved is kept as written, so it confines rather than widens.
    public init(_ directories: [String], in tree: any FileTree) {
        let resolved = directories.map { tree.resolvedPath($0) ?? tree.absolute($0) }
        self.directories = Array(Set(resolved)).sorted()
    }

    /// Whether a read of `path` in `tree` stays inside the roots once its links are resolved.
    public func contains(_ path: String, in tree: any FileTree) -> Bool {
        guard let real = tree.resolvedPath(path) else { return false }
        return directories.contains { root in
            root == "/" || real == root || real.hasPrefix(root + "/")
        }
    }

    /// The directory confining a scan of `path`: the nearest enclosing directory holding `.git` (a repository or
    /// a worktree), else the scanned directory itself (a file's own directory). A snapshot is its own root.
    public static func scanRoot(of path: String, in tree: any FileTree) -> String {
        if let snapshot = tree as? MemoryFileTree { return snapshot.root }
        let start = tree.resolvedPath(path) ?? tree.absolute(path)
        let directory = tree.resolvedKind(start) == .directory ? start : TreePath.clean(start + "/..")
        var candidate = directory
        // The file system root never counts as a repository: it would confine nothing.
        while candidate != "/" {
            if tree.kind(candidate + "/.git") != nil { return candidate }
            candidate = TreePath.clean(candidate + "/..")
        }
        return directory
    }
}
