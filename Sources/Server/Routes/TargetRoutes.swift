import Foundation
import Hummingbird
import Model
import Store

/// `/api/v1/targets`: status of every target, one target, and "reconcile now".
struct TargetRoutes {
    let environment: ServerEnvironment

    func register(on group: RouterGroup<ServerContext>) {
        group.get("targets") { _, context in try await list(context) }
        group.get("targets/:target") { _, context in try await show(context) }
        group.post("targets/:target/reconcile") { _, context in try await reconcile(context) }
    }

    func list(_ context: ServerContext) async throws -> Response {
        _ = try AccessControl.require(.viewer, context)
        let records = try await stored { try await environment.store.targetStatuses() }
        let byName = Dictionary(records.map { ($0.target, $0) }, uniquingKeysWith: { first, _ in first })
        let views = environment.targets.map {
            TargetView(name: $0.name, record: byName[$0.name], queuedCycle: environment.cycles?.pending($0.name))
        }
        return TargetView.list(views).response()
    }

    func show(_ context: ServerContext) async throws -> Response {
        _ = try AccessControl.require(.viewer, context)
        let target = try environment.target(try QueryParameters.path("target", context))
        let record = try await stored { try await environment.store.targetStatus(target.name) }
        return try JSONBody.response(
            TargetView(name: target.name, record: record, queuedCycle: environment.cycles?.pending(target.name)))
    }

    func reconcile(_ context: ServerContext) async throws -> Response {
        let caller = try AccessControl.require(.operator, context)
        let target = try environment.target(try QueryParameters.path("target", context))
        guard let cycles = environment.cycles else {
            throw APIError(.unavailable, "no reconcile loop runs in this process")
        }
        let (id, queued) = cycles.request(target.name)
        if queued {
            try await audit(environment.store, caller: caller.name, action: "reconcile", subject: target.name, detail: "cycle \(id)")
        }
        return try JSONBody.response(CycleRequestView(target: target.name, cycleID: id, queued: queued), status: .accepted)
    }
}

/// Runs a store read or write; a store failure is a 503 whose cause is only logged.
func stored<T: Sendable>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as APIError {
        throw error
    } catch let error as StoreError where error.code == .notFound {
        throw APIError(.notFound, "not found", underlying: error)
    } catch let error as StoreError where error.code == .ambiguousCommit {
        throw APIError(.badRequest, "the commit prefix matches several commits; give more characters", field: "commit", underlying: error)
    } catch {
        throw APIError(.unavailable, "the database cannot answer now", underlying: error)
    }
}

/// Records a change made through the API under the caller's token name.
func audit(_ store: Store, caller: String, action: String, subject: String, detail: String) async throws {
    try await stored {
        try await store.recordAPIAudit(APIAuditEvent(at: Date(), actor: caller, action: action, subject: subject, detail: detail))
    }
}
