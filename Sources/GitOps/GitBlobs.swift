/// The blobs under some paths of a commit: those read, and those left unread because they exceed their limit.
public struct GitBlobs: Sendable, Equatable {
    /// Repository-relative path → contents.
    public var files: [String: [UInt8]] = [:]
    /// Repository-relative path → size in bytes, for blobs over their limit (not read).
    public var oversized: [String: Int] = [:]

    /// No blobs.
    public init() {}
}
