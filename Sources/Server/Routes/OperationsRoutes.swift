import Foundation
import Hummingbird
import Model
import Store

/// `/api/v1`: a target's latest drift, and the alerts of the anomaly detector with acknowledgement.
struct OperationsRoutes {
    struct DriftView: Encodable, Sendable {
        struct Item: Encodable, Sendable {
            var kind: String
            var resourceType: String
            var address: String
            var liveID: String?
            var attribute: String?
            /// JSON text of the declared value.
            var desired: String?
            /// JSON text of the live value.
            var live: String?
        }

        var target: String
        var scanID: Int64?
        var commit: String?
        var items: [Item]
    }

    struct AlertView: Encodable, Sendable {
        var id: Int64
        var createdAt: Date
        var severity: String
        var principal: String
        var title: String
        /// JSON text.
        var detail: String
        /// rule or model.
        var source: String
        var score: Double?
        var acknowledgedAt: Date?
        var acknowledgedBy: String?

        init(_ stored: StoredAlert) {
            id = stored.alert.id ?? 0
            createdAt = stored.alert.createdAt
            severity = stored.alert.severity.rawValue
            principal = stored.alert.principal
            title = stored.alert.title
            detail = stored.alert.detail
            source = stored.alert.source
            score = stored.alert.score
            acknowledgedAt = stored.acknowledgedAt
            acknowledgedBy = stored.acknowledgedBy
        }
    }

    struct AlertPageView: Encodable, Sendable {
        var alerts: [AlertView]
        var nextCursor: String?
    }

    let environment: ServerEnvironment

    func register(on group: RouterGroup<ServerContext>) {
        group.get("targets/:target/drift") { _, context in try await drift(context) }
        group.get("alerts") { request, context in try await alerts(request, context) }
        group.post("alerts/:alert/acknowledge") { _, context in try await acknowledge(context) }
    }

    func drift(_ context: ServerContext) async throws -> Response {
        _ = try AccessControl.require(.viewer, context)
        let target = try environment.target(try QueryParameters.path("target", context))
        guard let scan = try await stored({ try await environment.store.latestScan(target: target.name) }) else {
            return try JSONBody.response(DriftView(target: target.name, items: []))
        }
        let items = try await stored { try await environment.store.drift(scanID: scan.id) }
        return try JSONBody.response(
            DriftView(
                target: target.name, scanID: scan.id, commit: scan.commit,
                items: items.map {
                    .init(
                        kind: $0.kind, resourceType: $0.resourceType, address: $0.address, liveID: $0.liveID,
                        attribute: $0.attribute, desired: $0.desired, live: $0.live)
                }))
    }

    func alerts(_ request: Request, _ context: ServerContext) async throws -> Response {
        _ = try AccessControl.require(.viewer, context)
        let parameters = QueryParameters(request)
        var query = AlertQuery(limit: try parameters.int("limit", in: 1...1_000) ?? 100)
        query.severities = try parameters.set("severity", of: Severity.self)
        query.principal = try parameters.string("principal")
        if let source = try parameters.string("source") {
            guard source == "rule" || source == "model" else { throw APIError.invalid("source", "must be rule or model") }
            query.source = source
        }
        query.since = try Self.date("since", parameters)
        query.until = try Self.date("until", parameters)
        query.beforeID = try parameters.int("cursor", in: 1...Int.max).map(Int64.init)
        let alerts = try await stored { try await environment.store.alerts(Self.oneMore(query)) }
        let page = alerts.prefix(query.limit)
        return try JSONBody.response(
            AlertPageView(
                alerts: page.map(AlertView.init),
                nextCursor: alerts.count > query.limit ? page.last?.alert.id.map(String.init) : nil))
    }

    func acknowledge(_ context: ServerContext) async throws -> Response {
        let caller = try AccessControl.require(.approver, context)
        let id = try QueryParameters.id("alert", context, what: "alert")
        guard let alert = try await stored({ try await environment.store.acknowledgeAlert(id: id, by: caller.name, at: Date()) })
        else { throw APIError(.notFound, "no alert \(id)") }
        try await audit(environment.store, caller: caller.name, action: "alert.acknowledge", subject: String(id), detail: "")
        return try JSONBody.response(AlertView(alert))
    }

    static func oneMore(_ query: AlertQuery) -> AlertQuery {
        var query = query
        query.limit += 1
        return query
    }

    /// An RFC 3339 time parameter.
    static func date(_ name: String, _ parameters: QueryParameters) throws -> Date? {
        guard let text = try parameters.string(name) else { return nil }
        guard let date = try? Date(text, strategy: .iso8601) else {
            throw APIError.invalid(name, "must be an RFC 3339 time such as 2026-01-31T12:00:00Z")
        }
        return date
    }
}
