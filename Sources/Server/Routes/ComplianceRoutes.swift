import Foundation
import Hummingbird
import Model
import Store

/// `/api/v1/targets/{target}`: a framework's compliance at a commit (controls, status, evidence), its score across
/// commits, and the findings that appeared or went away between two commits.
struct ComplianceRoutes {
    let environment: ServerEnvironment

    func register(on group: RouterGroup<ServerContext>) {
        group.get("targets/:target/compliance/:framework") { request, context in try await compliance(request, context) }
        group.get("targets/:target/history") { request, context in try await history(request, context) }
        group.get("targets/:target/diff") { request, context in try await diff(request, context) }
    }

    /// The target's scan of `commit` (a full SHA or a prefix of 7+), or its latest scan.
    func scan(of target: String, commit: String?) async throws -> StoredScan {
        if let commit {
            guard let scan = try await stored({ try await environment.store.scan(target: target, commit: commit) }) else {
                throw APIError(.notFound, "no scan of commit \(commit) for target \(target)", field: "commit")
            }
            return scan
        }
        guard let scan = try await stored({ try await environment.store.latestScan(target: target) }) else {
            throw APIError(.notFound, "target \(target) has no scan yet")
        }
        return scan
    }

    func compliance(_ request: Request, _ context: ServerContext) async throws -> Response {
        _ = try AccessControl.require(.viewer, context)
        let target = try environment.target(try QueryParameters.path("target", context))
        let framework = try QueryParameters.path("framework", context)
        let scan = try await scan(of: target.name, commit: try QueryParameters(request).string("commit"))
        let key = ScanResponseCache.Key.compliance(scanID: scan.id, framework: framework)
        if let body = environment.scanResponses.body(for: key) { return JSONText.response(body) }
        let controls = try await stored { try await environment.store.compliance(scanID: scan.id, framework: framework) }
        guard !controls.isEmpty else {
            throw APIError(.notFound, "scan \(scan.id) recorded no compliance for framework \(framework)")
        }
        let items = try await stored { try await environment.store.complianceEvidence(scanID: scan.id, framework: framework) }
        var evidence: [String: [ControlView.Evidence]] = [:]
        for item in items {
            evidence[item.controlID, default: []].append(
                .init(
                    checkID: item.checkID, resourceAddress: item.resourceAddress, verdict: item.verdict.rawValue,
                    file: item.file, line: item.line))
        }
        let passed = controls.filter { $0.status == .passed }.count
        let failed = controls.filter { $0.status == .failed }.count
        let info = environment.frameworks[framework]
        let view = ComplianceView(
            target: target.name, commit: scan.commit, scanID: scan.id, framework: framework,
            frameworkName: info?.name ?? framework, frameworkVersion: controls.first?.frameworkVersion ?? info?.version ?? "",
            score: passed + failed > 0 ? Double(passed) / Double(passed + failed) : nil,
            controls: controls.map { record in
                ControlView(
                    id: record.control.id, title: record.control.title, automated: record.control.automated,
                    status: record.status.rawValue, passed: record.passed, failed: record.failed,
                    unknown: record.unknown, evidence: evidence[record.control.id] ?? [])
            })
        var json = JSONText(capacity: 1_024 + 160 * items.count)
        view.write(to: &json)
        environment.scanResponses.remember(json.bytes, for: key)
        return json.response()
    }

    func history(_ request: Request, _ context: ServerContext) async throws -> Response {
        _ = try AccessControl.require(.viewer, context)
        let target = try environment.target(try QueryParameters.path("target", context))
        let query = QueryParameters(request)
        guard let framework = try query.string("framework") else { throw APIError.invalid("framework", "is required") }
        let limit = try query.int("limit", in: 1...1_000) ?? 50
        let points = try await stored { try await environment.store.history(target: target.name, framework: framework, limit: limit) }
        return try JSONBody.response(
            HistoryView(
                target: target.name, framework: framework,
                points: points.map {
                    .init(
                        scanID: $0.scanID, commit: $0.commit, finishedAt: $0.finishedAt, score: $0.score,
                        passedControls: $0.passedControls, failedControls: $0.failedControls,
                        openFindings: $0.openFindings, newFindings: $0.newFindings, resolvedFindings: $0.resolvedFindings)
                }))
    }

    func diff(_ request: Request, _ context: ServerContext) async throws -> Response {
        _ = try AccessControl.require(.viewer, context)
        let target = try environment.target(try QueryParameters.path("target", context))
        let query = QueryParameters(request)
        guard let from = try query.string("from") else { throw APIError.invalid("from", "is required") }
        let to = try await scan(of: target.name, commit: try query.string("to"))
        _ = try await scan(of: target.name, commit: from)
        let diff = try await stored {
            try await environment.store.findingsDiff(target: target.name, fromCommit: from, toCommit: to.commit)
        }
        return try JSONBody.response(
            DiffView(
                target: target.name, fromCommit: diff.fromCommit, toCommit: diff.toCommit,
                new: diff.new.map(FindingView.init), resolved: diff.resolved.map(FindingView.init),
                unchangedCount: diff.unchanged.count))
    }
}
