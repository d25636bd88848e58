import AWS
import Azure
import CloudHTTP
import Discovery
import Foundation
import Model

/// The cloud account one live read covers, with the settings its own CLI would take from flags.
public enum DiscoveryCloud: Sendable, Hashable, CustomStringConvertible {
    /// An AWS account through the credential chain (`profile` overrides `AWS_PROFILE`); empty regions = the configured
    /// one. With `accounts`, the chain's credentials assume each account's role and those accounts are read instead.
    case aws(profile: String?, regions: [String], accounts: [AWSAccountRole] = [])
    /// An Azure subscription (nil = `AZURE_SUBSCRIPTION_ID`), credentials from `AZURE_*`.
    case azure(subscriptionID: String?)

    /// `aws` or `azure`.
    public var name: String {
        switch self {
        case .aws: return "aws"
        case .azure: return "azure"
        }
    }

    public var description: String { name }
}

/// Runs discovery for either cloud and returns one shape (`DiscoveryResult`), so the commands and the reconcile
/// stage print, check and diff AWS and Azure resources the same way.
public enum LiveDiscovery {
    /// Discovers `cloud` with clients built from `environment`. Throws only when nothing can be read at all
    /// (no credentials, no subscription, the account cannot be identified); per-service failures are in `errors`.
    /// Every call is bounded by `limits`; a service stopped by the breaker or the deadline is in the result.
    public static func discover(
        _ cloud: DiscoveryCloud, environment: [String: String],
        transport: (any HTTPTransport)? = nil, limits: DiscoveryLimits = .standard
    ) async throws(PostureError) -> DiscoveryResult {
        let transport = transport ?? limits.transport()
        let callGuard = limits.callGuard()
        switch cloud {
        case .aws(let profile, let regions, let accounts) where !accounts.isEmpty:
            return try await discover(
                accounts: accounts, profile: profile, regions: regions, environment: environment, transport: transport,
                limits: limits, callGuard: callGuard)
        case .aws(let profile, let regions, _):
            do {
                let client = try AWSClient.fromEnvironment(
                    environment, profile: profile, transport: transport, timeout: limits.requestTimeout,
                    callGuard: callGuard)
                return try await AWSDiscovery(client: client, regions: regions).run()
            } catch {
                throw PostureError(.cloudUnavailable, "aws: \(error)", underlying: error)
            }
        case .azure(let subscription):
            let configuration: AzureConfiguration
            do {
                configuration = try AzureConfiguration.fromEnvironment(environment)
            } catch {
                throw PostureError(.cloudUnavailable, "azure: \(error)", underlying: error)
            }
            guard let id = subscription ?? configuration.subscriptionID, !id.isEmpty else {
                throw PostureError(.cloudUnavailable, "azure: no subscription (pass one or set AZURE_SUBSCRIPTION_ID)")
            }
            let client = ARMClient(
                configuration: configuration, transport: transport, timeout: limits.requestTimeout, callGuard: callGuard)
            var graph: GraphClient?
            if GraphClient.isEnabled(in: environment) {
                do {
                    graph = GraphClient(
                        configuration: configuration, endpoint: try GraphClient.endpoint(from: environment),
                        transport: transport, timeout: limits.requestTimeout)
                } catch {
                    throw PostureError(.cloudUnavailable, "azure: \(error)", underlying: error)
                }
            }
            return await AzureDiscovery(client: client, subscriptionID: id, graph: graph).discover()
        }
    }

    /// Member accounts through roles the chain's credentials assume, `maxConcurrentAccounts` at a time. Throws only
    /// when no account could be read; an account whose role is refused is an error of the result.
    static func discover(
        accounts: [AWSAccountRole], profile: String?, regions: [String], environment: [String: String],
        transport: any HTTPTransport, limits: DiscoveryLimits, callGuard: CallGuard
    ) async throws(PostureError) -> DiscoveryResult {
        let chain: CredentialChain
        do {
            chain = try CredentialChain(environment: environment, profile: profile, transport: transport)
        } catch {
            throw PostureError(.cloudUnavailable, "aws: \(error)", underlying: error)
        }
        let region = chain.region ?? "us-east-1"
        let timeout = limits.requestTimeout
        let discovery = AWSAccountsDiscovery(
            accounts: accounts, regions: regions, maxConcurrentAccounts: limits.maxConcurrentAccounts
        ) { role in
            let credentials = AssumedRoleCredentialProvider(
                roleARN: role.roleARN, source: chain, sessionName: role.sessionName, externalID: role.externalID,
                region: region, environment: environment, transport: transport, timeout: timeout)
            return AWSClient(
                credentials: credentials, region: region, environment: environment, transport: transport,
                timeout: timeout, callGuard: callGuard)
        }
        let result = await discovery.run()
        guard result.accounts.contains(where: \.read) else {
            let reasons = result.errors.map(\.description).joined(separator: "; ")
            throw PostureError(
                .cloudUnavailable, "aws: no account could be read: \(reasons)", underlying: result.errors.first)
        }
        return result
    }
}
