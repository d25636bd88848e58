import Foundation
import Reports
import Store

/// What one cycle did, as values: the stored scan's counts, the compliance scores, and each stage's outcome.
/// The target status message and the cycle's log lines are rendered from it.
public struct CycleSummary: Sendable {
    /// One framework's score of the scan; nil when no control was decided.
    public struct Score: Sendable, Hashable {
        public var framework: String
        public var score: Double?
    }

    public var commit: String
    public var scanID: Int64
    public var resources: Int
    public var failed: Int
    public var newFindings: Int
    public var resolvedFindings: Int
    public var openFindings: Int
    /// Scores of the frameworks the target records (all when it names none).
    public var scores: [Score]
    /// Each stage that ran, in order, with its outcome.
    public var stages: [(name: String, outcome: StageOutcome)] = []
    /// The scan's load errors (`file:line: message`): files or modules whose contents were not checked.
    public var loadErrors: [String]

    /// The scan part of a summary from the report and what the store made of it.
    init(commit: String, report: ScanReport, recorded: RecordedScan, frameworks: [String]) {
        self.commit = commit
        self.scanID = recorded.scanID
        self.resources = report.resourceCount
        self.failed = report.failed.count
        self.newFindings = recorded.newFindings
        self.resolvedFindings = recorded.resolvedFindings
        self.openFindings = recorded.openFindings
        self.loadErrors = report.loadErrors.map { error in
            let place = [error.file, error.line.map(String.init), error.column.map(String.init)].compactMap { $0 }
            return (place.isEmpty ? "" : place.joined(separator: ":") + ": ") + error.message
        }
        self.scores = report.compliance
            .filter { frameworks.isEmpty || frameworks.contains($0.framework.id) }
            .map { Score(framework: $0.framework.id, score: $0.score) }
    }

    /// `scanned <sha>: N resources, F failed results (…), <framework> <score>; <stage>: <summary>…`.
    public var message: String {
        var text =
            "scanned \(commit.prefix(12)): \(resources) resources, \(failed) failed results "
            + "(\(newFindings) new, \(resolvedFindings) resolved, \(openFindings) open)"
        for score in scores {
            text += ", \(score.framework) " + (score.score.map { String(format: "%.0f%%", $0 * 100) } ?? "n/a")
        }
        for stage in stages { text += "; \(stage.name): \(stage.outcome.summary)" }
        return text
    }

    /// Every stage's warnings, each prefixed with the stage's name.
    public var warnings: [String] {
        stages.flatMap { stage in stage.outcome.warnings.map { "\(stage.name): \($0)" } }
    }
}
