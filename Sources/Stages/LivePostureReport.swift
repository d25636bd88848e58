import Foundation
import Reconciler

/// What the live stage found in one cycle: live resources and failed results, baseline violations, drift counts
/// and the live fixes proposed.
public struct LivePostureReport: StageReport, Hashable {
    /// Drift counts of the cycle; `coverage` is managed / live (0…1).
    public struct DriftCounts: Sendable, Hashable {
        public var changed: Int
        public var missing: Int
        public var unmanaged: Int
        public var pending: Int
        public var coverage: Double
    }

    public var liveResources: Int
    public var failedResults: Int
    /// Failed live results not open before this cycle.
    public var newFindings: Int
    /// Nil when the target has no baselines.
    public var baselineViolations: Int?
    /// Nil when drift was skipped (no state found).
    public var drift: DriftCounts?
    /// Nil when the target's remediation mode is `off`.
    public var fixes: LiveFixReport?

    public var counts: [StageCount] {
        var counts = [
            StageCount("live_resources", liveResources), StageCount("live_failed", failedResults),
            StageCount("live_new", newFindings),
        ]
        if let baselineViolations { counts.append(StageCount("baseline_violations", baselineViolations)) }
        if let drift {
            counts += [
                StageCount("drift_changed", drift.changed), StageCount("drift_missing", drift.missing),
                StageCount("drift_unmanaged", drift.unmanaged), StageCount("drift_pending", drift.pending),
            ]
        }
        if let fixes { counts += fixes.counts }
        return counts
    }

    public var description: String {
        var text = "\(liveResources) live resources, \(failedResults) failed live results (\(newFindings) new)"
        if let baselineViolations { text += ", \(baselineViolations) baseline violations" }
        if let drift {
            text +=
                ", drift \(drift.changed) changed / \(drift.missing) missing / \(drift.unmanaged) unmanaged"
                + (drift.pending == 0 ? "" : " / \(drift.pending) pending (not applied)")
                + ", coverage " + String(format: "%.0f%%", drift.coverage * 100)
        }
        if let fixes { text += "; " + fixes.description }
        return text
    }
}

/// The live fixes one cycle proposed: none needed, or requests created, open and applied.
public enum LiveFixReport: Sendable, Hashable, CustomStringConvertible {
    /// No failed live result has a fix to propose.
    case nothingToPropose
    /// `applied` is nil unless the mode is `auto`.
    case proposed(created: Int, open: Int, applied: Int?)

    /// The counts under `live_fixes_*` keys.
    public var counts: [StageCount] {
        guard case .proposed(let created, let open, let applied) = self else { return [] }
        return [StageCount("live_fixes_created", created), StageCount("live_fixes_open", open)]
            + (applied.map { [StageCount("live_fixes_applied", $0)] } ?? [])
    }

    public var description: String {
        switch self {
        case .nothingToPropose:
            return "no live fixes to propose"
        case .proposed(let created, let open, let applied):
            return "live fixes: \(created) new request(s), \(open) open" + (applied.map { ", \($0) applied automatically" } ?? "")
        }
    }
}
