import Foundation
import Hummingbird
import LiveRemediation
import Store

/// `/api/v1/remediations`: list and show, approve and reject (approver), apply and dry-run (operator), through the
/// same state machine and audit trail as `bulwark remediation`; the actor is always the caller's token name.
struct RemediationRoutes {
    struct Decision: Decodable {
        var reason: String?
    }

    let environment: ServerEnvironment

    func register(on group: RouterGroup<ServerContext>) {
        group.get("remediations") { request, context in try await list(request, context) }
        group.get("remediations/:remediation") { _, context in try await show(context) }
        group.post("remediations/:remediation/approve") { request, context in try await decide(request, context, approve: true) }
        group.post("remediations/:remediation/reject") { request, context in try await decide(request, context, approve: false) }
        group.post("remediations/:remediation/apply") { request, context in try await apply(request, context) }
    }

    func list(_ request: Request, _ context: ServerContext) async throws -> Response {
        _ = try AccessControl.require(.viewer, context)
        let parameters = QueryParameters(request)
        let statuses = try parameters.set("status", of: RemediationStatus.self)
        guard statuses.count <= 1 else { throw APIError.invalid("status", "takes one status") }
        let target = try parameters.string("target")
        let records = try await stored { try await environment.store.remediations(status: statuses.first, target: target) }
        return try JSONBody.response(["remediations": records.map { RemediationView($0) }])
    }

    func show(_ context: ServerContext) async throws -> Response {
        _ = try AccessControl.require(.viewer, context)
        let record = try await load(context)
        let events = try await stored { try await environment.store.auditEvents(remediationID: record.id ?? 0) }
        return try JSONBody.response(RemediationView(record, audit: events))
    }

    func decide(_ request: Request, _ context: ServerContext, approve: Bool) async throws -> Response {
        let caller = try AccessControl.require(.approver, context)
        let current = try await load(context)
        let id = current.id ?? 0
        let body = try await JSONBody.decode(Decision.self, from: request)
        if let reason = body.reason, reason.count > 1_000 { throw APIError.invalid("reason", "is longer than 1000 characters") }
        let remediator = LiveRemediator(store: environment.store, clients: FixClients(), checks: [])
        let record = try await remediation {
            if approve {
                try await remediator.approve(id: id, by: caller.name, reason: body.reason ?? "approved")
            } else {
                try await remediator.reject(id: id, by: caller.name, reason: body.reason ?? "rejected")
            }
        }
        return try JSONBody.response(RemediationView(record))
    }

    func apply(_ request: Request, _ context: ServerContext) async throws -> Response {
        let caller = try AccessControl.require(.operator, context)
        let record = try await load(context)
        let id = record.id ?? 0
        let dryRun =
            try QueryParameters(request).string("dry_run").map { value in
                guard value == "true" || value == "false" else { throw APIError.invalid("dry_run", "must be true or false") }
                return value == "true"
            } ?? false
        let plan = try await remediation { try LivePlan.decode(record.plan, remediationID: id) }
        if dryRun {
            return try JSONBody.response(
                ApplyView(remediation: RemediationView(record), dryRun: true, result: "planned", detail: plan.summary, calls: plan.calls))
        }
        guard record.status == .approved else {
            throw APIError(.conflict, "remediation \(id) is \(record.status.rawValue); only an approved one is applied")
        }
        let remediator = try await remediation { try environment.remediator(plan) }
        let outcome = try await remediation { try await remediator.apply(id: id, by: caller.name) }
        let (result, detail): (String, String?) =
            switch outcome.result {
            case .verified: ("verified", nil)
            case .applied(let reason): ("applied", reason)
            case .failed(let error): ("failed", error)
            case .notApplied(let status): ("not_applied", "status \(status.rawValue)")
            }
        return try JSONBody.response(
            ApplyView(
                remediation: RemediationView(outcome.record), dryRun: false, result: result, detail: detail,
                calls: outcome.executed))
    }

    func load(_ context: ServerContext) async throws -> RemediationRecord {
        let id = try QueryParameters.id("remediation", context, what: "remediation")
        guard let record = try await stored({ try await environment.store.remediation(id: id) }) else {
            throw APIError(.notFound, "no remediation \(id)")
        }
        return record
    }

    /// Maps the remediator's errors: a wrong state is a 409 naming the status, a missing request a 404.
    func remediation<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await stored(body)
        } catch let error as APIError {
            guard let cause = error.underlying as? LiveRemediationError else { throw error }
            switch cause.code {
            case .wrongState: throw APIError(.conflict, cause.message, underlying: cause)
            case .notFound: throw APIError(.notFound, cause.message, underlying: cause)
            case .noCloudClient: throw APIError(.unavailable, "no cloud credentials for this plan", underlying: cause)
            default: throw APIError(.internalError, "the remediation could not be handled (\(cause.code.rawValue))", underlying: cause)
            }
        }
    }
}
