import Foundation

/// Why a result was not held against a resource (a skip comment, skip file or baseline exception), and until when.
public struct FindingSuppression: Sendable, Hashable, Codable {
    public var reason: String
    public var expires: Date?

    /// Memberwise.
    public init(reason: String, expires: Date? = nil) {
        self.reason = reason
        self.expires = expires
    }
}
