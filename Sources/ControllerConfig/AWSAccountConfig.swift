import Model

/// One member account of `clouds.aws.accounts`: the role the controller's credentials assume in it, the
/// `ExternalId` its trust policy may require, and an optional display name.
///
/// An ExternalId is not a secret in AWS's model — it guards against a confused deputy and anyone who can read the
/// member role's trust policy sees it — so it may be written inline; it may also be a `{env: NAME}` or
/// `{file: PATH}` reference like the other credentials, for teams that keep it with them. Either way it is never
/// printed, logged or stored.
public struct AWSAccountConfig: Sendable, Hashable {
    /// Where the ExternalId comes from.
    public enum ExternalID: Sendable, Hashable {
        /// Written in the config.
        case literal(String)
        /// Read from the environment or a file when the account is read.
        case reference(SecretReference)

        /// The value; a missing variable or unreadable file is a configuration problem.
        public func resolve(environment: [String: String]) throws(ConfigError) -> String {
            switch self {
            case .literal(let value): return value
            case .reference(let reference): return try reference.resolve(environment: environment)
            }
        }
    }

    /// `arn:aws:iam::123456789012:role/Name`.
    public var roleARN: String
    public var externalID: ExternalID?
    /// A name for people (`prod`).
    public var name: String?

    /// Creates an account entry.
    public init(roleARN: String, externalID: ExternalID? = nil, name: String? = nil) {
        self.roleARN = roleARN
        self.externalID = externalID
        self.name = name
    }

    /// The 12-digit account of a role ARN (`arn:<partition>:iam::<account>:role/<path/name>`); nil otherwise.
    public static func account(ofRole arn: String) -> String? { IAMRoleARN.account(of: arn) }

    /// The account this entry reads; nil when the ARN is not a role ARN (refused when the config is loaded).
    public var account: String? { Self.account(ofRole: roleARN) }
}
