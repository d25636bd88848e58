import AWS
import Azure
import AzureDiscovery
import CloudHTTP
import Discovery
import Foundation
import Model

/// The cloud account one live read covers, with the settings its own CLI would take from flags.
public enum LiveCloud: Sendable, Hashable, CustomStringConvertible {
    /// An AWS account through the credential chain (`profile` overrides `AWS_PROFILE`); empty regions = the configured one.
    case aws(profile: String?, regions: [String])
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
    public static func discover(_ cloud: LiveCloud, environment: [String: String],
                                transport: any HTTPTransport = URLSessionTransport()) async throws(PostureError) -> DiscoveryResult {
        switch cloud {
        case .aws(let profile, let regions):
            do {
                let client = try AWSClient.fromEnvironment(environment, profile: profile, transport: transport)
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
            let client = ARMClient(configuration: configuration, transport: transport)
            return discoveryResult(await AzureDiscovery(client: client, subscriptionID: id).discover())
        }
    }

    /// An Azure result in the common shape: each failed ARM call becomes a `DiscoveryError` whose service is the
    /// resource type the API reads (`Microsoft.Compute/disks`); subscriptions are not regional, so region is `global`.
    public static func discoveryResult(_ azure: AzureDiscoveryResult) -> DiscoveryResult {
        let errors = azure.errors.map { error in
            let service = error.api.split(separator: " ", maxSplits: 1).last.map(String.init) ?? "arm"
            return DiscoveryError(service: service.isEmpty ? "arm" : service, region: "global",
                                  operation: error.api.isEmpty ? "token" : error.api, code: error.code.rawValue,
                                  message: error.message, resource: error.resourceID.isEmpty ? nil : error.resourceID)
        }
        var byService: [String: Int] = [:]
        for (api, calls) in azure.callsByAPI {
            let service = api.split(separator: " ", maxSplits: 1).last.map(String.init) ?? api
            let provider = service.split(separator: "/").first.map(String.init) ?? service
            byService[provider, default: 0] += calls
        }
        return DiscoveryResult(resources: azure.resources, errors: errors, apiCalls: azure.apiCalls,
                               callsByService: byService, callsByOperation: azure.callsByAPI, regions: [],
                               account: azure.subscriptionID)
    }
}
