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
                catalog: anomalyCatalog(library: library),
                environment: environment),
            // Remediation mode other than `off`: IaC fixes committed to `bulwark/fix/…` branches with a PR/MR.
            RemediationProposeStage(plannerFor: { target in IaCFixPlanner(context: FixContext(adminCIDR: target.adminCIDR)) }),
        ]
    }

    /// Where the sensitive-action catalog lives in a check library.
    static let anomalyCatalogFile = "anomaly/sensitive-actions.json"

    /// The library's `anomaly/sensitive-actions.json` (from its directory or the binary); nil when absent or invalid.
    static func anomalyCatalog(library: CheckLibrary) -> SensitiveActionCatalog? {
        guard let file = library.dataFile(anomalyCatalogFile) else { return nil }
        return try? SensitiveActionCatalog.load(data: Data(file.text.utf8), location: file.file)
    }
}
