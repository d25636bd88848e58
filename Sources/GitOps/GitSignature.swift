import Foundation

/// An author or committer: name, email and (when known or wanted) the time.
public struct GitSignature: Sendable, Hashable {
    public var name: String
    public var email: String
    /// Nil when creating a commit means "now".
    public var time: Date?

    /// A signature; `time` nil means "now" when used for a new commit.
    public init(name: String, email: String, time: Date? = nil) {
        self.name = name
        self.email = email
        self.time = time
    }
}
