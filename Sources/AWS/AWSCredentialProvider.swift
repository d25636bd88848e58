/// Supplies credentials for signing; implementations refresh temporary credentials before they expire.
public protocol AWSCredentialProvider: Sendable {
    /// Current credentials, or an error saying where the chain looked.
    func credentials() async throws(AWSError) -> AWSCredentials
}

/// Fixed credentials (tests, and the source credentials of an AssumeRole call).
public struct StaticCredentialProvider: AWSCredentialProvider {
    public let value: AWSCredentials
    /// Creates a provider that always returns `value`.
    public init(_ value: AWSCredentials) { self.value = value }
    /// Returns the fixed credentials.
    public func credentials() async throws(AWSError) -> AWSCredentials { value }
}
