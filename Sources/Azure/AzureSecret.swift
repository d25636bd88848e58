/// A secret string (client secret, access token) that prints as `<redacted>` in logs, errors and dumps.
public struct AzureSecret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret itself; read it only to put it on the wire.
    public let reveal: String

    /// Wraps `value`.
    public init(_ value: String) { self.reveal = value }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
}
