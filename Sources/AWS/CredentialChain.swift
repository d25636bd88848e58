import CloudHTTP
import Foundation

/// Resolves credentials the way the AWS CLI does: environment keys (unless a profile was named explicitly), then
/// the profile (`AWS_PROFILE`, `AWS_DEFAULT_PROFILE`, `default`) — an AssumeRole profile (`role_arn` with
/// `source_profile` or `credential_source = Environment`) before static keys — from the shared files.
/// Assumed-role credentials are cached until five minutes before they expire.
public actor CredentialChain: AWSCredentialProvider {
    /// The region the CLI would use: `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's `region`.
    public nonisolated let region: String?
    /// The profile in effect.
    public nonisolated let profileName: String
    private let environment: [String: String]
    private let explicitProfile: Bool
    private let shared: AWSSharedConfig
    private let transport: any HTTPTransport
    private let cache = CredentialCache(
        cancelled: AWSError(
            .noCredentials, "credential resolution was cancelled", service: "credentials", operation: "resolve"))
    /// Roles are chained through `source_profile`; a longer chain is treated as a configuration error.
    static let maxRoleChain = 5

    /// Reads the environment and shared files now; credentials are resolved on first use.
    public init(
        environment: [String: String], profile: String? = nil,
        transport: any HTTPTransport = URLSessionTransport()
    ) throws(AWSError) {
        self.environment = environment
        self.transport = transport
        self.explicitProfile = profile != nil
        let name = profile ?? environment["AWS_PROFILE"] ?? environment["AWS_DEFAULT_PROFILE"] ?? "default"
        self.profileName = name
        let shared = try AWSSharedConfig.load(environment: environment)
        self.shared = shared
        let fromEnvironment = environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"]
        self.region = (fromEnvironment?.isEmpty == false ? fromEnvironment : nil) ?? shared.profile(name)?["region"]
        if profile != nil || environment["AWS_PROFILE"] != nil, shared.profile(name) == nil {
            throw AWSError(
                .invalidConfiguration, "profile '\(name)' is not defined in \(CredentialChain.describe(shared))",
                service: "credentials", operation: "resolve")
        }
    }

    /// Current credentials, refreshed when the cached ones are about to expire. Concurrent callers share one
    /// resolution, so a burst of requests at start-up makes one AssumeRole call, not one each.
    public func credentials() async throws(AWSError) -> AWSCredentials {
        try await cache.credentials { () async throws(AWSError) -> AWSCredentials in try await self.resolve() }
    }

    private func resolve() async throws(AWSError) -> AWSCredentials {
        if !explicitProfile, let fromEnvironment = environmentCredentials() { return fromEnvironment }
        if let fromProfile = try await profileCredentials(profileName, depth: 0) { return fromProfile }
        throw AWSError(
            .noCredentials,
            "no credentials: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or configure profile '\(profileName)' "
                + "in \(CredentialChain.describe(shared))",
            service: "credentials", operation: "resolve")
    }

    private func environmentCredentials() -> AWSCredentials? {
        guard let key = environment["AWS_ACCESS_KEY_ID"], !key.isEmpty,
            let secret = environment["AWS_SECRET_ACCESS_KEY"], !secret.isEmpty
        else { return nil }
        let token = environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        return AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token)
    }

    private func profileCredentials(_ name: String, depth: Int) async throws(AWSError) -> AWSCredentials? {
        guard let settings = shared.profile(name) else { return nil }
        guard depth < CredentialChain.maxRoleChain else {
            throw AWSError(
                .invalidConfiguration,
                "profile '\(name)': source_profile chain longer than "
                    + "\(CredentialChain.maxRoleChain) (a cycle?)", service: "credentials", operation: "resolve")
        }
        if let roleARN = settings["role_arn"] {
            let source: AWSCredentials
            if let sourceProfile = settings["source_profile"] {
                // A profile that names itself as source uses its own static keys (the CLI allows this).
                if sourceProfile == name, let keys = staticKeys(settings) {
                    source = keys
                } else {
                    guard let resolved = try await profileCredentials(sourceProfile, depth: depth + 1) else {
                        throw AWSError(
                            .invalidConfiguration,
                            "profile '\(name)': source_profile '\(sourceProfile)' "
                                + "is not defined", service: "credentials", operation: "resolve")
                    }
                    source = resolved
                }
            } else if settings["credential_source"] == "Environment", let keys = environmentCredentials() {
                source = keys
            } else {
                throw AWSError(
                    .invalidConfiguration,
                    "profile '\(name)': role_arn needs source_profile or "
                        + "credential_source = Environment", service: "credentials", operation: "resolve")
            }
            if settings["mfa_serial"] != nil {
                throw AWSError(
                    .invalidConfiguration,
                    "profile '\(name)': MFA-protected roles need an interactive "
                        + "token and are not supported", service: "credentials", operation: "resolve")
            }
            return try await assumeRole(roleARN, settings: settings, source: source, profile: name)
        }
        if let keys = staticKeys(settings) { return keys }
        if settings["credential_process"] != nil || settings["sso_session"] != nil || settings["sso_start_url"] != nil {
            throw AWSError(
                .invalidConfiguration,
                "profile '\(name)': credential_process and SSO profiles are not "
                    + "supported; export keys or use a role profile", service: "credentials", operation: "resolve")
        }
        return nil
    }

    private func staticKeys(_ settings: [String: String]) -> AWSCredentials? {
        guard let key = settings["aws_access_key_id"], let secret = settings["aws_secret_access_key"] else { return nil }
        return AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: settings["aws_session_token"])
    }

    /// STS AssumeRole with the source credentials (`external_id`, `duration_seconds` and `role_session_name` as
    /// the AWS CLI reads them); the chain caches the answer itself.
    private func assumeRole(
        _ roleARN: String, settings: [String: String], source: AWSCredentials,
        profile: String
    ) async throws(AWSError) -> AWSCredentials {
        var duration: Int?
        if let text = settings["duration_seconds"] {
            guard let seconds = Int(text), seconds > 0 else {
                throw AWSError(
                    .invalidConfiguration, "profile '\(profile)': duration_seconds must be a whole number of seconds",
                    service: "credentials", operation: "resolve")
            }
            duration = seconds
        }
        let provider = AssumedRoleCredentialProvider(
            roleARN: roleARN, source: StaticCredentialProvider(source),
            sessionName: settings["role_session_name"] ?? "bulwark-\(Int(Date().timeIntervalSince1970))",
            externalID: settings["external_id"], durationSeconds: duration,
            region: settings["region"] ?? region ?? "us-east-1", environment: environment, transport: transport)
        return try await provider.assume()
    }

    private static func describe(_ shared: AWSSharedConfig) -> String {
        shared.files.isEmpty ? "the shared files (none found)" : shared.files.joined(separator: ", ")
    }
}
