/// The blobs under some paths of a commit: those read, those left for later, and those left unread because they
/// exceed their limit.
public struct GitBlobs: Sendable, Equatable {
    /// A blob within its limit that was not read: what reading it later takes.
    public struct Deferred: Sendable, Hashable {
        /// The blob's object id (hex).
        public var oid: String
        /// Its size in bytes.
        public var size: Int

        /// Memberwise.
        public init(oid: String, size: Int) {
            self.oid = oid
            self.size = size
        }
    }

    /// Repository-relative path → contents.
    public var files: [String: [UInt8]] = [:]
    /// Repository-relative path → the blob, for blobs within their limit that the caller chose not to read yet.
    public var deferred: [String: Deferred] = [:]
    /// Repository-relative path → size in bytes, for blobs over their limit (not read).
    public var oversized: [String: Int] = [:]

    /// No blobs.
    public init() {}
}
