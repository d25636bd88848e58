import AWS
import Anomaly
import ArgumentParser
import Azure
import CloudHTTP
import Foundation

/// Cloud log sources for `bulwark anomaly score|watch`: CloudTrail objects in S3 and the Azure Activity Log.
struct AnomalySourceOptions: ParsableArguments {
    @Option(
        name: .customLong("s3"),
        help: ArgumentHelp(
            "CloudTrail objects in S3: s3://bucket/prefix (the prefix in front of AWSLogs/).",
            discussion: "Credentials, region and endpoints are read as `bulwark discover` reads them (AWS_* variables, ~/.aws)."))
    var s3: String?

    @Option(help: "With --s3: the bucket's region (default: the configured region).")
    var region: String?

    @Option(help: "With --s3: AWS profile to use instead of AWS_PROFILE.")
    var profile: String?

    @Option(
        name: .customLong("azure-subscription"),
        help: ArgumentHelp(
            "Read this subscription's Activity Log through the REST API.",
            discussion: "Credentials: AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET."))
    var azureSubscription: String?

    @Option(name: .customLong("azure-lookback"), help: "With --azure-subscription: seconds of history read when there is no cursor yet.")
    var azureLookback: Double = 86_400

    /// True when any cloud source is given.
    var any: Bool { s3 != nil || azureSubscription != nil }

    /// The sources given, S3 first.
    func sources(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [any LogObjectSource] {
        var sources: [any LogObjectSource] = []
        if let s3 {
            let (bucket, prefix) = try S3LogObjectSource.parse(url: s3)
            let client = try AWSClient.fromEnvironment(environment, profile: profile)
            sources.append(S3LogObjectSource(client: client, bucket: bucket, prefix: prefix, bucketRegion: region))
        }
        if let azureSubscription {
            let client = ARMClient(
                configuration: try AzureConfiguration.fromEnvironment(environment),
                transport: URLSessionTransport())
            sources.append(
                AzureActivityLogSource(
                    client: client, subscriptionID: azureSubscription,
                    initialLookback: azureLookback))
        }
        return sources
    }
}
