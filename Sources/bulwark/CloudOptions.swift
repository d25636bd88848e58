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

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: json or table.")
    var format: Format = .table

    /// The selection as the library takes it.
    var liveCloud: DiscoveryCloud {
        switch cloud {
        case .aws:
            let list = (regions ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return .aws(profile: profile, regions: list)
        case .azure:
            return .azure(subscriptionID: subscription)
        }
    }
}
