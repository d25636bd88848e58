import Model

/// The files of one commit (under the target's paths) held in memory, as the scanner and the fix planner see them.
public struct CommitSnapshot: Sendable {
    public let commit: String
    /// Repository-relative path → bytes.
    public let files: [String: [UInt8]]
    /// Repository-relative path → size, for files left unread because they were over their limit.
    public let oversized: [String: Int]
    /// Repository-relative path → file read only when asked for (blobs that are not Terraform, plan or state).
    public let deferred: [String: DeferredFile]
    /// The files as a read-only tree rooted at `root`; indexed once here, since the scan, every fix group's
    /// planner and the later stages all read it.
    public let tree: MemoryFileTree

    /// A snapshot of `files` at `commit`, with `oversized` files present by size only and `deferred` ones read on
    /// first use.
    public init(
        commit: String, files: [String: [UInt8]], oversized: [String: Int] = [:], deferred: [String: DeferredFile] = [:]
    ) {
        self.commit = commit
        self.files = files
        self.oversized = oversized
        self.deferred = deferred.filter { files[$0.key] == nil }
        self.tree = MemoryFileTree(
            root: CommitScanner.root(of: commit), files: files, oversized: oversized, deferred: self.deferred)
    }

    /// The virtual directory the files appear under (`/git/<12 hex>`), so reports read repository-relative paths.
    public var root: String { CommitScanner.root(of: commit) }

    /// The repository-relative path of a tree path (`/git/abc…/main.tf` → `main.tf`); nil outside the snapshot.
    public func relativePath(_ treePath: String) -> String? {
        let prefix = root + "/"
        if treePath.hasPrefix(prefix) { return String(treePath.dropFirst(prefix.count)) }
        return treePath.hasPrefix("/") ? nil : treePath
    }
}
