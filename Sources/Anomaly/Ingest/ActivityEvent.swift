import Foundation

/// One normalised management-plane event, from AWS CloudTrail or the Azure Activity Log.
public struct ActivityEvent: Sendable, Hashable, Codable {
    /// Which cloud's log the event came from.
    public enum Cloud: String, Sendable, Hashable, Codable { case aws, azure }

    /// The kind of identity that acted; root and service principals are treated apart by rules and features.
    public enum PrincipalType: String, Sendable, Hashable, Codable {
        case root, user, role, federated, service, servicePrincipal, unknown
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    public var time: Double
    public var cloud: Cloud
    /// AWS account ID or Azure subscription ID.
    public var account: String
    /// A stable identity: an IAM user or role ARN (sessions collapse to their role), root, or an Azure caller.
    public var principal: String
    public var principalType: PrincipalType
    /// CloudTrail `eventName`, or the Azure operation name (`Microsoft.Compute/virtualMachines/write`).
    public var action: String
    /// `iam`, `s3`, … (CloudTrail `eventSource` without `.amazonaws.com`), or the Azure resource provider.
    public var service: String
    public var region: String
    public var sourceIP: String
    public var userAgent: String
    /// The error code when the call failed (`AccessDenied`, `Failed`, …), else nil.
    public var errorCode: String?
    public var readOnly: Bool
    /// The main resource acted on (ARN, name or Azure resource ID), when the record names one.
    public var resource: String?
    /// Whether the session used MFA, when the record says.
    public var mfa: Bool?
    public var consoleLogin: Bool
    /// Scalar request parameters flattened to dotted paths (array levels skipped), bounded in count.
    public var request: [String: String]
    /// Scalar response elements flattened the same way (what the call returned: a console sign-in's
    /// `ConsoleLogin` outcome, the user an access key was made for).
    public var response: [String: String]

    /// An event from its fields.
    public init(
        time: Double, cloud: Cloud, account: String, principal: String, principalType: PrincipalType,
        action: String, service: String, region: String, sourceIP: String, userAgent: String,
        errorCode: String? = nil, readOnly: Bool, resource: String? = nil, mfa: Bool? = nil,
        consoleLogin: Bool = false, request: [String: String] = [:], response: [String: String] = [:]
    ) {
        self.time = time
        self.cloud = cloud
        self.account = account
        self.principal = principal
        self.principalType = principalType
        self.action = action
        self.service = service
        self.region = region
        self.sourceIP = sourceIP
        self.userAgent = userAgent
        self.errorCode = errorCode
        self.readOnly = readOnly
        self.resource = resource
        self.mfa = mfa
        self.consoleLogin = consoleLogin
        self.request = request
        self.response = response
    }

    /// Whether the call was refused for lack of permission (AWS and Azure spellings).
    public var accessDenied: Bool {
        guard let errorCode else { return false }
        return errorCode.contains("AccessDenied") || errorCode.contains("Unauthorized")
            || errorCode == "AuthorizationFailed" || errorCode.contains("Forbidden")
    }

    /// Whether the call failed for any reason.
    public var failed: Bool { errorCode != nil }
}
