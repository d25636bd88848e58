import Foundation
import Hummingbird
import Model
import Store

/// `/health/live`, `/health/ready` and `/metrics`: no token needed, nothing secret in them.
struct HealthRoutes {
    struct Readiness: Encodable, Sendable {
        var status: String
        var database: String
        /// running, stopped, or absent (no loop in this process).
        var loop: String
        /// Targets by Ready condition (True, False, Unknown).
        var targets: [String: Int]
    }

    let environment: ServerEnvironment
    let metrics: ServerMetrics
    let cycles: CycleObserver

    func register(on router: Router<ServerContext>) {
        router.get("health/live") { _, _ in try JSONBody.response(["status": "ok"]) }
        router.get("health/ready") { _, _ in try await ready() }
        router.get("metrics") { _, _ in try await scrape() }
    }

    func ready() async throws -> Response {
        let records = try? await environment.store.targetStatuses()
        let loop = environment.cycles.map { $0.loopRunning ? "running" : "stopped" } ?? "absent"
        var summary = ["True": 0, "False": 0, "Unknown": 0]
        let byName = Dictionary((records ?? []).map { ($0.target, $0.ready) }, uniquingKeysWith: { first, _ in first })
        for target in environment.targets { summary[byName[target.name] ?? "Unknown", default: 0] += 1 }
        let ready = records != nil && loop != "stopped"
        return try JSONBody.response(
            Readiness(
                status: ready ? "ready" : "not_ready", database: records == nil ? "unreachable" : "reachable", loop: loop,
                targets: summary),
            status: ready ? .ok : .serviceUnavailable)
    }

    func scrape() async throws -> Response {
        // Gauges and cycle counts come from the store at scrape time, so they hold for every replica's cycles.
        await cycles.observe()
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
    }
}

/// Turns what the store records into metrics at scrape time: the open findings by severity of each target's
/// latest scan, and remediation transitions (whoever made them: the API, the loop's stages, the CLI, another
/// replica) seen as status changes since the previous scrape. Cycles are pushed by the loop as they finish.
actor CycleObserver {
    let environment: ServerEnvironment
    let metrics: ServerMetrics
    private var lastScan: [String: Int64] = [:]
    /// Each remediation's status at the previous scrape; nil before the first, which only takes the baseline.
    private var remediations: [Int64: String]?

    init(environment: ServerEnvironment, metrics: ServerMetrics) {
        self.environment = environment
        self.metrics = metrics
    }

    func observe() async {
        for target in environment.targets {
            guard let scan = try? await environment.store.latestScan(target: target.name), lastScan[target.name] != scan.id
            else { continue }
            lastScan[target.name] = scan.id
            guard let counts = try? await environment.store.resultCounts(scanID: scan.id) else { continue }
            for severity in Severity.allCases {
                let open = counts.filter { $0.verdict == .failed && $0.severity == severity }.reduce(0) { $0 + $1.count }
                metrics.findings(target: target.name, severity: severity, count: open)
            }
        }
        guard let records = try? await environment.store.remediations(status: nil, target: nil) else { return }
        var current: [Int64: String] = [:]
        for record in records { if let id = record.id { current[id] = record.status.rawValue } }
        if let known = remediations {
            for (id, status) in current where known[id] != status { metrics.remediation(to: status) }
        }
        remediations = current
    }
}
