import Foundation
import Hummingbird
import Model
import Store

/// `/api/v1` scans: a target's scans (paginated), one scan with its tallies, and a scan's findings with filters
/// and cursor or page pagination.
struct ScanRoutes {
    let environment: ServerEnvironment

    /// Largest page of scans or findings.
    static let maximumLimit = 1_000

    func register(on group: RouterGroup<ServerContext>) {
        group.get("targets/:target/scans") { request, context in try await list(request, context) }
        group.get("scans/:scan") { _, context in try await show(context) }
        group.get("scans/:scan/findings") { request, context in try await findings(request, context) }
    }

    func list(_ request: Request, _ context: ServerContext) async throws -> Response {
        _ = try AccessControl.require(.viewer, context)
        let target = try environment.target(try QueryParameters.path("target", context))
        let query = QueryParameters(request)
        let limit = try query.int("limit", in: 1...Self.maximumLimit) ?? 50
        let cursor = try query.int("cursor", in: 1...Int.max).map(Int64.init)
        let scans = try await stored { try await environment.store.scans(target: target.name, beforeID: cursor, limit: limit + 1) }
        let page = scans.prefix(limit)
        return try JSONBody.response(
            ScanPageView(
                scans: page.map(ScanView.init), nextCursor: scans.count > limit ? page.last.map { String($0.id) } : nil))
    }

    func show(_ context: ServerContext) async throws -> Response {
        _ = try AccessControl.require(.viewer, context)
        let scan = try await scan(context)
        let counts = try await stored { try await environment.store.resultCounts(scanID: scan.id) }
        let frameworks = try await stored { try await environment.store.complianceFrameworks(scanID: scan.id) }
        var verdicts = Dictionary(uniqueKeysWithValues: Verdict.Kind.allCases.map { ($0.rawValue, 0) })
        var failed = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, 0) })
        for row in counts {
            verdicts[row.verdict.rawValue, default: 0] += row.count
            if row.verdict == .failed { failed[row.severity.rawValue, default: 0] += row.count }
        }
        return try JSONBody.response(
            ScanDetailView(scan: ScanView(scan), verdicts: verdicts, failedBySeverity: failed, frameworks: frameworks))
    }

    func findings(_ request: Request, _ context: ServerContext) async throws -> Response {
        _ = try AccessControl.require(.viewer, context)
        let scan = try await scan(context)
        let parameters = QueryParameters(request)
        var query = FindingQuery(limit: try parameters.int("limit", in: 1...Self.maximumLimit) ?? 100)
        query.severities = try parameters.set("severity", of: Severity.self)
        query.verdicts = try parameters.set("verdict", of: Verdict.Kind.self)
        query.checkID = try parameters.string("check")
        query.resource = try parameters.string("resource")
        query.file = try parameters.string("file")
        let change = try parameters.set("change", of: FindingQuery.Change.self)
        guard change.count <= 1 else { throw APIError.invalid("change", "takes one of new, resolved") }
        if let since = try parameters.string("since") {
            guard let base = try await stored({ try await environment.store.scan(target: scan.target, commit: since) }) else {
                throw APIError(.notFound, "no scan of commit \(since) for target \(scan.target)", field: "since")
            }
            query.sinceScanID = base.id
            query.change = change.first ?? .new
        } else if !change.isEmpty {
            throw APIError.invalid("since", "is required with change")
        }
        let page = try parameters.int("page", in: 1...1_000_000)
        if let cursor = try parameters.string("cursor") {
            guard page == nil else { throw APIError.invalid("cursor", "cannot be combined with page") }
            guard let position = Int64(cursor), position >= 0 else { throw APIError.invalid("cursor", "is not a cursor of this API") }
            query.cursor = position
        } else if let page {
            query.offset = (page - 1) * query.limit
        }
        let key = ScanResponseCache.Key.findings(scanID: scan.id, query: query, page: page)
        if let body = environment.scanResponses.body(for: key) { return JSONText.response(body) }
        let result = try await stored { try await environment.store.findings(scanID: scan.id, query: query) }
        // With page pagination the next page is the next number; a cursor is given either way.
        let view = FindingPageView(
            scanID: scan.id, findings: result.findings.map(FindingView.init), total: result.total,
            nextCursor: result.nextCursor.map(String.init), page: page, limit: query.limit)
        var json = JSONText(capacity: 512 + 400 * view.findings.count)
        view.write(to: &json)
        environment.scanResponses.remember(json.bytes, for: key)
        return json.response()
    }

    func scan(_ context: ServerContext) async throws -> StoredScan {
        let id = try QueryParameters.id("scan", context, what: "scan")
        guard let scan = try await stored({ try await environment.store.scan(id: id) }) else {
            throw APIError(.notFound, "no scan \(id)")
        }
        return scan
    }
}
