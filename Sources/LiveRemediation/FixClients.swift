import AWS
import Azure
import Crypto
import Discovery
import Foundation
import Model

/// The cloud clients a live fix uses: executes plan calls and re-reads the fixed resource through discovery.
/// Either side may be absent; a plan for a missing cloud fails with `.noCloudClient` before any call.
public struct FixClients: Sendable {
    public let aws: AWSClient?
    public let arm: ARMClient?
    /// The subscription Azure re-reads are addressed under.
    public let azureSubscription: String?

    /// Creates the clients set.
    public init(aws: AWSClient? = nil, arm: ARMClient? = nil, azureSubscription: String? = nil) {
        self.aws = aws
        self.arm = arm
        self.azureSubscription = azureSubscription
    }

    /// Sends one call; throws `.callFailed` naming the API and the cloud's error.
    public func execute(_ call: LiveAPICall, plan: LivePlan) async throws(LiveRemediationError) {
        let api = call.api
        func failed(_ error: any Error, line: Int = #line) -> LiveRemediationError {
            LiveRemediationError(
                .callFailed, "", checkID: plan.checkID, resource: plan.liveID, api: api,
                underlying: error, line: line)
        }
        switch call.wire {
        case .arm:
            guard let arm else { throw missing(plan, "Azure") }
            let body = try LiveJSON.value(call.body, api: api)
            do { _ = try await arm.write(call.method, call.path, resourceType: call.service, body: body) } catch {
                throw failed(error)
            }
        case .awsQuery, .awsJSON, .awsS3:
            guard let aws else { throw missing(plan, "AWS") }
            guard let service = AWSService.all[call.service] else {
                throw LiveRemediationError(.invalidPlan, "unknown AWS service \(call.service)", api: api)
            }
            let jsonBody = call.wire == .awsJSON ? try LiveJSON.value(call.body, api: api).members ?? [:] : [:]
            do throws(AWSError) {
                switch call.wire {
                case .awsQuery:
                    _ = try await aws.query(
                        service: service, action: call.action, params: call.parameters,
                        region: call.region, resource: plan.liveID)
                case .awsJSON:
                    _ = try await aws.json(
                        service: service, target: call.action, body: jsonBody, region: call.region,
                        resource: plan.liveID)
                default:
                    let body = Data((call.body ?? "").utf8)
                    _ = try await aws.s3(
                        method: call.method, bucket: call.path,
                        query: call.parameters.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                        headers: Self.contentHeaders(body), body: body, region: call.region,
                        operation: call.action)
                }
            } catch {
                throw failed(error)
            }
        }
    }

    /// Re-reads the plan's resource (with what its checks connect to) through the discovery code.
    public func reread(_ plan: LivePlan) async throws(LiveRemediationError) -> [Resource] {
        func failed(_ error: any Error, line: Int = #line) -> LiveRemediationError {
            LiveRemediationError(
                .verificationFailed, "re-read failed", checkID: plan.checkID, resource: plan.liveID,
                underlying: error, line: line)
        }
        if plan.provider == "azure" {
            guard let arm else { throw missing(plan, "Azure") }
            let discovery = AzureDiscovery(client: arm, subscriptionID: azureSubscription ?? plan.account)
            do { return try await discovery.reread(armID: plan.liveID) } catch { throw failed(error) }
        }
        guard let aws else { throw missing(plan, "AWS") }
        let result: DiscoveryResult
        do {
            result = try await AWSDiscovery(client: aws).reread(
                type: plan.resourceType, originID: plan.liveID,
                region: plan.region)
        } catch {
            throw failed(error)
        }
        if let error = result.errors.first, result.resources.isEmpty { throw failed(error) }
        return result.resources
    }

    private func missing(_ plan: LivePlan, _ cloud: String) -> LiveRemediationError {
        LiveRemediationError(
            .noCloudClient, "no \(cloud) client is configured", checkID: plan.checkID,
            resource: plan.liveID)
    }

    /// S3 requires an integrity header on configuration PUTs (encryption, public access block, versioning).
    static func contentHeaders(_ body: Data) -> [(String, String)] {
        guard !body.isEmpty else { return [] }
        return [
            ("Content-Type", "application/xml"),
            ("Content-MD5", Data(Insecure.MD5.hash(data: body)).base64EncodedString()),
        ]
    }
}
