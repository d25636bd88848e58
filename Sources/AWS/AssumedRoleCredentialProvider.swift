import CloudHTTP
import Foundation
import Model

/// Credentials of an IAM role assumed through STS AssumeRole with the credentials of a source provider: the way
/// the controller's own identity reads a member account. Cached until five minutes before they expire; concurrent
/// callers share one AssumeRole call. Errors name the role ARN and never any credential.
public actor AssumedRoleCredentialProvider: AWSCredentialProvider, CustomStringConvertible {
    /// The role assumed (`arn:aws:iam::123456789012:role/Name`).
    public nonisolated let roleARN: String
    /// The session name the member account's CloudTrail records (`bulwark-…`).
    public nonisolated let sessionName: String
    /// Sent as `ExternalId` when set; the member role's trust policy may require it (`sts:ExternalId`).
    nonisolated let externalID: String?
    /// Requested lifetime in seconds (900–43200); nil leaves AWS's default of one hour.
    nonisolated let durationSeconds: Int?
    private let source: any AWSCredentialProvider
    private let stsRegion: String
    private let environment: [String: String]
    private let transport: any HTTPTransport
    private let retryPolicy: RetryPolicy
    private let timeout: Duration
    private let cache: CredentialCache

    /// A provider assuming `roleARN` with `source`'s credentials; STS is called in `region` through the endpoint
    /// `environment` names (`AWS_ENDPOINT_URL_STS`, `AWS_ENDPOINT_URL`), else the regional endpoint.
    public init(
        roleARN: String, source: any AWSCredentialProvider, sessionName: String = "bulwark",
        externalID: String? = nil, durationSeconds: Int? = nil, region: String = "us-east-1",
        environment: [String: String] = [:], transport: any HTTPTransport = URLSessionTransport(),
        retryPolicy: RetryPolicy = .standard, timeout: Duration = .seconds(30)
    ) {
        self.roleARN = roleARN
        self.sessionName = Self.sessionName(sessionName)
        self.externalID = externalID.flatMap { $0.isEmpty ? nil : $0 }
        self.durationSeconds = durationSeconds
        self.source = source
        self.stsRegion = region
        self.environment = environment
        self.transport = transport
        self.retryPolicy = retryPolicy
        self.timeout = timeout
        self.cache = CredentialCache(
            cancelled: AWSError(
                .noCredentials, "assuming \(roleARN) was cancelled", service: "sts", operation: "AssumeRole",
                resource: roleARN))
    }

    /// The assumed credentials, assuming the role again when the cached ones are about to expire.
    public func credentials() async throws(AWSError) -> AWSCredentials {
        try await cache.credentials { () async throws(AWSError) -> AWSCredentials in try await self.assume() }
    }

    /// One AssumeRole call, uncached (the credential chain caches the credentials of its role profiles itself).
    func assume() async throws(AWSError) -> AWSCredentials {
        let client = AWSClient(
            credentials: source, region: stsRegion, environment: environment, transport: transport,
            retryPolicy: retryPolicy, timeout: timeout)
        var params = ["RoleArn": roleARN, "RoleSessionName": sessionName]
        if let durationSeconds { params["DurationSeconds"] = String(durationSeconds) }
        if let externalID { params["ExternalId"] = externalID }
        let root = try await client.query(service: .sts, action: "AssumeRole", params: params, resource: roleARN)
        guard let creds = root.node("AssumeRoleResult/Credentials"),
            let key = creds.string("AccessKeyId"), !key.isEmpty,
            let secret = creds.string("SecretAccessKey"), !secret.isEmpty
        else {
            throw AWSError(
                .malformedResponse, "AssumeRole answer for \(roleARN) has no Credentials", service: "sts",
                operation: "AssumeRole", resource: roleARN)
        }
        return AWSCredentials(
            accessKeyID: key, secretAccessKey: secret, sessionToken: creds.string("SessionToken"),
            expiration: creds.string("Expiration").flatMap(Self.parseDate))
    }

    /// The 12-digit account of a role ARN (`arn:<partition>:iam::<account>:role/<path/name>`), nil when `arn`
    /// is not a role ARN.
    public static func account(ofRole arn: String) -> String? { IAMRoleARN.account(of: arn) }

    /// A session name STS accepts: 2–64 characters of `[A-Za-z0-9+=,.@-]`, others replaced by `-`.
    public static func sessionName(_ raw: String) -> String {
        let allowed = Set("+=,.@-")
        var name = String(raw.map { $0.isASCII && ($0.isLetter || $0.isNumber || allowed.contains($0)) ? $0 : "-" })
        if name.count < 2 { name = "bulwark" }
        return String(name.prefix(64))
    }

    /// An ISO 8601 STS timestamp, with or without fractional seconds.
    static func parseDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    public nonisolated var description: String {
        "AssumedRoleCredentialProvider(\(roleARN), session \(sessionName)\(externalID == nil ? "" : ", external ID set"))"
    }
}
