import Foundation
import Model
import Store

/// A recorded scan as the API shows it.
struct ScanView: Encodable, Sendable {
    var id: Int64
    var target: String
    var repo: String
    var branch: String
    var commit: String
    var trigger: String
    var startedAt: Date
    var finishedAt: Date
    var status: String
    var error: String?
    var resourceCount: Int
    var findingCount: Int
    var newFindings: Int
    var resolvedFindings: Int
    var openFindings: Int

    init(_ scan: StoredScan) {
        id = scan.id
        target = scan.target
        repo = scan.repo
        branch = scan.branch
        commit = scan.commit
        trigger = scan.trigger
        startedAt = scan.startedAt
        finishedAt = scan.finishedAt
        status = scan.status.rawValue
        error = scan.error
        resourceCount = scan.resourceCount
        findingCount = scan.findingCount
        newFindings = scan.newFindings
        resolvedFindings = scan.resolvedFindings
        openFindings = scan.openFindings
    }
}

/// One scan with its result tallies and the frameworks it recorded compliance for.
struct ScanDetailView: Encodable, Sendable {
    var scan: ScanView
    /// Result rows per verdict (passed, failed, unknown, skipped).
    var verdicts: [String: Int]
    /// Failed rows per severity.
    var failedBySeverity: [String: Int]
    var frameworks: [String]
}

/// A page of scans, newest first.
struct ScanPageView: Encodable, Sendable {
    var scans: [ScanView]
    var nextCursor: String?
}

/// One control of a framework at one commit, with the results that evidence it.
struct ControlView: Encodable, Sendable {
    struct Evidence: Encodable, Sendable {
        var checkID: String
        var resourceAddress: String
        var verdict: String
        var file: String?
        var line: Int?
    }

    var id: String
    var title: String
    var automated: Bool
    var status: String
    var passed: Int
    var failed: Int
    var unknown: Int
    var evidence: [Evidence]
}

/// A framework's compliance at one commit.
struct ComplianceView: Encodable, Sendable {
    var target: String
    var commit: String
    var scanID: Int64
    var framework: String
    var frameworkName: String
    var frameworkVersion: String
    /// passed / (passed + failed) controls; absent when no control was decided.
    var score: Double?
    var controls: [ControlView]
}

/// Score history of a framework across commits, oldest first.
struct HistoryView: Encodable, Sendable {
    struct Point: Encodable, Sendable {
        var scanID: Int64
        var commit: String
        var finishedAt: Date
        var score: Double?
        var passedControls: Int
        var failedControls: Int
        var openFindings: Int
        var newFindings: Int
        var resolvedFindings: Int
    }

    var target: String
    var framework: String
    var points: [Point]
}

/// New and resolved failing findings between two commits.
struct DiffView: Encodable, Sendable {
    var target: String
    var fromCommit: String
    var toCommit: String
    var new: [FindingView]
    var resolved: [FindingView]
    var unchangedCount: Int
}
