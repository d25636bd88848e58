import AWS
import CloudHTTP
import ControllerConfig
import Foundation
import Logging
import Posture
import Reconciler
import Reports

/// The live stage's `clouds.aws.securityHub:` step: the cycle's AWS live check results imported into Security Hub
/// (every region named, else the target's regions), and archival of the ones a complete cycle no longer reports.
/// A cycle that could not read everything (a denied service, a failed region, the deadline, unread settings)
/// imports but archives nothing. Problems become stage warnings; they never fail the stage.
struct LiveSecurityHubStep: Sendable {
    let environment: [String: String]
    let transport: any HTTPTransport

    func run(_ result: LivePostureResult, target: TargetConfig, logger: Logger) async -> [StageWarning] {
        guard let aws = target.clouds.aws, let settings = aws.securityHub else { return [] }
        guard aws.accounts.isEmpty else {
            return [StageWarning(.partial, "security hub: export of member accounts (clouds.aws.accounts) is not supported, nothing sent")]
        }
        guard let account = result.accounts["aws"], ExportContext.isAccountID(account) else {
            return [StageWarning(.partial, "security hub: the AWS account was not read, nothing sent")]
        }
        let client: AWSClient
        do {
            client = try AWSClient.fromEnvironment(environment, profile: aws.profile, transport: transport)
        } catch {
            return [StageWarning(.partial, "security hub: \(error)")]
        }
        let regions = !settings.regions.isEmpty ? settings.regions : !aws.regions.isEmpty ? aws.regions : [client.region]
        let findings = result.findings.filter { $0.check.provider == "aws" }.map { Finding(result: $0, location: nil) }
        let outcomes = await SecurityHubPublisher(account: account, regions: regions, scope: "\(target.name)#live")
            .publish(ScanReport(findings: findings), client: client, partial: Self.partialReason(result))
        var warnings: [StageWarning] = []
        for outcome in outcomes {
            logger.info("\(outcome.summary)")
            if outcome.error != nil || !outcome.failed.isEmpty || outcome.archivalSkipped != nil {
                warnings.append(StageWarning(.partial, outcome.summary))
            }
        }
        return warnings
    }

    /// Why a live result must not archive anything, or nil when every part was read.
    static func partialReason(_ result: LivePostureResult) -> String? {
        var reasons: [String] = []
        if !result.discoveryErrors.isEmpty { reasons.append("\(result.discoveryErrors.count) discovery errors") }
        if !result.stoppedServices.isEmpty { reasons.append("\(result.stoppedServices.count) services stopped") }
        if result.deadlineExceeded { reasons.append("discovery deadline passed") }
        if !result.unread.isEmpty { reasons.append("\(result.unread.count) settings unread") }
        return reasons.isEmpty ? nil : reasons.joined(separator: ", ")
    }
}
