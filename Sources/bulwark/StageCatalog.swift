import Anomaly
import ControllerConfig
import Foundation
import Reconciler
import Remediation
import Scanner
import Stages

/// The reconcile stages this build runs after each stored scan, in order. Adding a stage means adding it here;
/// the loop itself does not change.
enum StageCatalog {
    /// The stages for `config`; `library` is the check library the scans use (the anomaly catalog sits beside it).
    static func stages(config: ReconcileConfig, environment: [String: String], library: CheckLibrary) -> [any ReconcileStage] {
        [
            // Targets with `clouds:`: discovery, live checks, baselines, drift (stored as `<target>#live`).
            LivePostureStage(library: library, environment: environment),
            // Targets with `activityLogs:`: CloudTrail / Activity Log anomaly detection, alerts stored and posted.
            AnomalyStage(
                cacheDirectory: config.cacheDirectory,
                catalog: anomalyCatalog(checksDirectory: library.directory, environment: environment),
                environment: environment),
            // Remediation mode other than `off`: IaC fixes committed to `bulwark/fix/…` branches with a PR/MR.
            RemediationProposeStage(plannerFor: { target in IaCFixPlanner(context: FixContext(adminCIDR: target.adminCIDR)) }),
        ]
    }

    /// `<checks>/anomaly/sensitive-actions.json`, else wherever `bulwark anomaly` would find it; nil when absent.
    static func anomalyCatalog(checksDirectory: String?, environment: [String: String]) -> SensitiveActionCatalog? {
        if let checksDirectory {
            let url = URL(fileURLWithPath: checksDirectory).appendingPathComponent("anomaly/sensitive-actions.json")
            if let catalog = try? SensitiveActionCatalog.load(from: url) { return catalog }
        }
        let exe = ScanCommand.executablePath().map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
        let starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)] + (exe.map { [$0] } ?? [])
        return SensitiveActionCatalog.locate(environment: environment, searchFrom: starts)
            .flatMap { try? SensitiveActionCatalog.load(from: $0) }
    }
}
