import Foundation

/// A bearer token for ARM and the moment it stops being valid.
public struct AzureAccessToken: Sendable {
    public var token: AzureSecret
    public var expiresOn: Date

    /// Creates a token.
    public init(token: AzureSecret, expiresOn: Date) {
        self.token = token
        self.expiresOn = expiresOn
    }
}
