import AWS
import ArgumentParser
import Foundation
import Posture

/// The cloud-selection options `discover` and `drift` share: which cloud, its regions or subscription, the
/// AWS profile, and the output format.
struct CloudOptions: ParsableArguments {
    /// Clouds the commands can read.
    enum Cloud: String, ExpressibleByArgument, CaseIterable {
        case aws, azure
    }

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, table
    }

    @Option(help: "The cloud to read: \(Cloud.allCases.map(\.rawValue).joined(separator: ", ")).")
    var cloud: Cloud

    @Option(help: "Comma-separated AWS regions (default: the configured region).")
    var regions: String?

    @Option(help: "Azure subscription ID (default: AZURE_SUBSCRIPTION_ID).")
    var subscription: String?

    @Option(help: "AWS profile to use instead of AWS_PROFILE (environment keys are then ignored, as with the AWS CLI).")
    var profile: String?

    @Option(
        name: .customLong("assume-role"),
        help: """
            Read the account of this IAM role (arn:aws:iam::123456789012:role/Name) by assuming it with the \
            credentials the chain resolves; repeat for several accounts, read 4 at a time. Addresses then carry \
            the account (module.account_<id>.<type>.<name>).
            """)
    var assumeRoles: [String] = []

    @Option(
        name: .customLong("external-id"),
        help: "ExternalId sent with every --assume-role (the member role's trust policy may require sts:ExternalId).")
    var externalID: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: json or table.")
    var format: Format = .table

    @Option(
        help: """
            Total time for the cloud reads (500ms, 90s, 10m, 1h); calls not made by then are reported unread \
            (default: no limit).
            """)
    var deadline: DurationArgument?

    @Option(name: .customLong("request-timeout"), help: "Time for one HTTP attempt (default: 30s).")
    var requestTimeout: DurationArgument?

    @Option(
        name: .customLong("connect-timeout"),
        help: "Time until a response starts: connect, send, first bytes (default: 10s).")
    var connectTimeout: DurationArgument?

    @Option(
        name: .customLong("breaker-threshold"),
        help: "Consecutive transport failures after which a service in a region is no longer called (default: 3; 0 = never).")
    var breakerThreshold: Int?

    /// The timeouts, circuit breaker and deadline the options ask for.
    var limits: DiscoveryLimits {
        var limits = DiscoveryLimits.command
        if let deadline { limits.deadline = deadline.duration }
        if let requestTimeout { limits.requestTimeout = requestTimeout.duration }
        if let connectTimeout { limits.connectTimeout = connectTimeout.duration }
        if let breakerThreshold { limits.breakerThreshold = max(0, breakerThreshold) }
        return limits
    }

    func validate() throws {
        if cloud != .aws, !assumeRoles.isEmpty || externalID != nil {
            throw ValidationError("--assume-role and --external-id read AWS accounts; they need --cloud aws")
        }
        if externalID != nil, assumeRoles.isEmpty { throw ValidationError("--external-id needs --assume-role") }
        var seen: Set<String> = []
        for arn in assumeRoles {
            guard let account = AssumedRoleCredentialProvider.account(ofRole: arn) else {
                throw ValidationError(
                    "--assume-role '\(arn)' is not a role ARN (arn:aws:iam::<12-digit account>:role/<name>)")
            }
            guard seen.insert(account).inserted else {
                throw ValidationError("--assume-role names account \(account) twice")
            }
        }
    }

    /// The selection as the library takes it.
    var liveCloud: DiscoveryCloud {
        switch cloud {
        case .aws:
            let list = (regions ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let accounts = assumeRoles.map { AWSAccountRole(roleARN: $0, externalID: externalID) }
            return .aws(profile: profile, regions: list, accounts: accounts)
        case .azure:
            return .azure(subscriptionID: subscription)
        }
    }
}
