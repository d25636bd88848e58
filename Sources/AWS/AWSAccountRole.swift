/// A member account read through a role the controller's own credentials assume: the role, the `ExternalId` its
/// trust policy may require, a display name and the session name its CloudTrail records.
public struct AWSAccountRole: Sendable, Hashable, CustomStringConvertible {
    /// `arn:aws:iam::123456789012:role/Name`.
    public var roleARN: String
    /// Sent as `ExternalId` when set.
    public var externalID: String?
    /// A name for people (`prod`); the account ID stands in when nil.
    public var name: String?
    /// The `RoleSessionName` (`bulwark-…`).
    public var sessionName: String

    /// Creates a role target.
    public init(roleARN: String, externalID: String? = nil, name: String? = nil, sessionName: String = "bulwark-discover") {
        self.roleARN = roleARN
        self.externalID = externalID
        self.name = name
        self.sessionName = sessionName
    }

    /// The 12-digit account the role belongs to; nil when `roleARN` is not a role ARN.
    public var account: String? { AssumedRoleCredentialProvider.account(ofRole: roleARN) }

    /// The role ARN and name; the external ID is never shown.
    public var description: String { name.map { "\($0) (\(roleARN))" } ?? roleARN }
}
