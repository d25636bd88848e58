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

extension ComplianceView {
    /// The view as `JSONBody.encoder` writes it, members in sorted key order.
    func write(to json: inout JSONText) {
        json.openObject()
        json.member("commit", commit)
        json.key("controls")
        json.openArray()
        for control in controls { control.write(to: &json) }
        json.closeArray()
        json.member("framework", framework)
        json.member("framework_name", frameworkName)
        json.member("framework_version", frameworkVersion)
        json.member("scan_id", scanID)
        if let score {
            json.key("score")
            json.double(score)
        }
        json.member("target", target)
        json.closeObject()
    }
}

extension ControlView {
    /// The view as `JSONBody.encoder` writes it, members in sorted key order.
    func write(to json: inout JSONText) {
        json.openObject()
        json.key("automated")
        json.bool(automated)
        json.key("evidence")
        json.openArray()
        for item in evidence {
            json.openObject()
            json.member("check_id", item.checkID)
            json.member("file", item.file)
            json.member("line", item.line)
            json.member("resource_address", item.resourceAddress)
            json.member("verdict", item.verdict)
            json.closeObject()
        }
        json.closeArray()
        json.member("failed", failed)
        json.member("id", id)
        json.member("passed", passed)
        json.member("status", status)
        json.member("title", title)
        json.member("unknown", unknown)
        json.closeObject()
    }
}
