/// One entry of a recursive tree listing.
public struct GitTreeEntry: Sendable, Hashable {
    /// The kind of object an entry names.
    public enum Kind: String, Sendable, Hashable {
        case blob, tree, link, submodule
    }

    /// Path from the repository root, `/`-separated.
    public var path: String
    public var oid: String
    public var kind: Kind
    /// The Git file mode (0o100644, 0o100755, 0o120000, 0o040000, 0o160000).
    public var mode: UInt32
    /// Size in bytes for blobs and links; nil for trees and submodules.
    public var size: Int?

    /// A tree entry.
    public init(path: String, oid: String, kind: Kind, mode: UInt32, size: Int?) {
        self.path = path
        self.oid = oid
        self.kind = kind
        self.mode = mode
        self.size = size
    }
}
