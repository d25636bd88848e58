/// A path that differs between two commits.
public struct GitChange: Sendable, Hashable {
    /// How the path changed.
    public enum Status: String, Sendable, Hashable {
        case added, modified, deleted, renamed, typeChange
    }

    /// The path in the newer commit (the old path for deletions).
    public var path: String
    /// The path in the older commit, for renames.
    public var oldPath: String?
    public var status: Status

    /// A change.
    public init(path: String, oldPath: String? = nil, status: Status) {
        self.path = path
        self.oldPath = oldPath
        self.status = status
    }
}
