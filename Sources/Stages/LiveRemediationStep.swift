import AWS
import Azure
import Checks
import CloudHTTP
import ControllerConfig
import Foundation
import LiveRemediation
import Model
import Posture
import Reconciler
import Store

/// The live half of remediation, chained after the live posture is stored: every failed live result that has a
/// live fix becomes a remediation request (`propose`/`approve` wait for a person; `auto` applies the checks the
/// target's baselines list under `auto_remediate`). Requests are idempotent, so an unchanged finding proposes nothing.
struct LiveRemediationStep: Sendable {
    let checks: [CheckDefinition]
    let environment: [String: String]
    let transport: any HTTPTransport

    /// Proposes (and in `auto` mode applies) fixes for the cycle's failed live results; the report is nil when the
    /// target's remediation mode is `off`.
    func run(
        _ result: LivePostureResult, context: StageContext
    ) async throws(ReconcileError)
        -> (report: LiveFixReport?, warnings: [StageWarning])
    {
        let target = context.target
        guard let mode = LiveRemediationPolicy.Mode(rawValue: target.remediation.rawValue), mode != .off else { return (nil, []) }
        // Baselines decide what is enforced (exceptions excluded); without one every failed live result counts.
        let failed = result.baselineResults.isEmpty ? result.failedFindings : result.baselineResults.flatMap(\.failedChecks)
        guard !failed.isEmpty else { return (.nothingToPropose, []) }
        var warnings: [StageWarning] = []
        let cloud = liveCloud(target, warnings: &warnings)
        let policy = LiveRemediationPolicy(
            target: target.name, mode: mode, adminCIDR: target.adminCIDR,
            autoRemediate: Set(result.baselineResults.flatMap(\.baseline.autoRemediate)))
        do {
            // MTTR starts when the finding was first seen, not at this cycle.
            let firstSeen = try await context.store.openFindings(target: LivePostureRecording.liveTarget(target.name))
            var detected: [String: Date] = [:]
            for f in firstSeen { detected["\(f.checkID)|\(f.resourceAddress)"] = f.firstSeenAt }
            let graph = ResourceGraph(result.resources)
            let findings = LiveFinding.failed(failed, in: graph, detectedAt: context.startedAt).map { finding -> LiveFinding in
                var finding = finding
                if let at = detected["\(finding.result.checkID)|\(finding.resource.address)"] { finding.detectedAt = at }
                return finding
            }
            let remediator = LiveRemediator(store: context.store, clients: cloud, checks: checks)
            let outcomes = try await remediator.propose(findings: findings, target: policy)
            let created = outcomes.filter { $0.created }.count
            let applied = outcomes.filter { $0.applied != nil }.count
            let open = outcomes.filter { $0.record != nil }.count
            return (.proposed(created: created, open: open, applied: mode == .auto ? applied : nil), warnings)
        } catch {
            throw ReconcileError(.storeFailed, "live remediation: \(error)", target: target.name, underlying: error)
        }
    }

    /// Clients for the clouds the target configures; one that cannot be built is a warning (its fixes then fail
    /// at apply with a clear error instead of blocking the proposals).
    private func liveCloud(_ target: TargetConfig, warnings: inout [StageWarning]) -> LiveRemediation.FixClients {
        var aws: AWSClient?
        var arm: ARMClient?
        var subscription: String?
        if let settings = target.clouds.aws, !settings.accounts.isEmpty {
            // The chain's own credentials would write to the wrong account; member-account fixes are not made.
            warnings.append(
                StageWarning(.partial, "live fixes: AWS fixes are not applied in member accounts (clouds.aws.accounts)"))
        } else if let settings = target.clouds.aws {
            do { aws = try AWSClient.fromEnvironment(environment, profile: settings.profile, transport: transport) } catch {
                warnings.append(StageWarning(.partial, "live fixes: AWS credentials: \(error)"))
            }
        }
        if let settings = target.clouds.azure {
            do {
                let configuration = try AzureConfiguration.fromEnvironment(environment)
                arm = ARMClient(configuration: configuration, transport: transport)
                subscription = settings.subscriptionID
            } catch {
                warnings.append(StageWarning(.partial, "live fixes: Azure credentials: \(error)"))
            }
        }
        return LiveRemediation.FixClients(aws: aws, arm: arm, azureSubscription: subscription)
    }
}
