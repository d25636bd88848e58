import Checks
import Model
import Reports

/// The exit status of `bulwark scan`, decided from a report.
///
/// - 1 when a FAILED finding (after suppressions and baseline) is at or above `failOn`: findings matter most.
/// - 2 when nothing reaches the threshold but an input, check, skip file or baseline had a load error: a
///   partly loaded tree must not look clean.
/// - 0 otherwise. `softFail` always gives 0 (usage errors still give 2, before any report exists).
public struct ExitPolicy: Sendable, Hashable {
    /// Exit statuses.
    public enum Status: Int32, Sendable {
        case clean = 0
        case findings = 1
        case error = 2
    }

    /// Lowest severity that fails the run (`--fail-on`, default low: any failure).
    public var failOn: Severity
    /// `--soft-fail`.
    public var softFail: Bool

    /// A policy; by default any failed check fails the run.
    public init(failOn: Severity = .low, softFail: Bool = false) {
        self.failOn = failOn
        self.softFail = softFail
    }

    /// The status for `report`.
    public func status(for report: ScanReport) -> Status {
        if softFail { return .clean }
        if report.findings.contains(where: { $0.result.verdict == .failed && $0.result.check.severity >= failOn }) {
            return .findings
        }
        return report.loadErrors.isEmpty ? .clean : .error
    }
}
