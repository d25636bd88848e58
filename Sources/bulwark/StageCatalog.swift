import Reconciler

/// The reconcile stages this build runs after each stored scan, in order. Adding a stage means adding it here;
/// the loop itself does not change.
enum StageCatalog {
    static func stages(environment: [String: String], checksDirectory: String?) -> [any ReconcileStage] {
        [
            // Targets with `clouds:`: discovery, live checks, baselines, drift (stored as `<target>#live`).
            LivePostureStage(checksDirectory: checksDirectory, environment: environment),
        ]
    }
}
