import Model
import Prometheus

/// The server's Prometheus metrics, in its own registry (`/metrics`): API requests, webhook deliveries and the
/// pull request scans they start, remediation transitions, reconcile cycles and open findings per target.
public final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()

    /// Latency buckets in seconds, from 1 ms to 10 s.
    static let latencyBuckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10]
    /// Cycle duration buckets in seconds, from 50 ms (a fetch that finds nothing new) to 30 min.
    static let cycleBuckets: [Double] = [0.05, 0.25, 1, 5, 10, 30, 60, 120, 300, 600, 1800]

    private static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "bulwark", metricName: "http_requests", unitName: "total", helpText: "API requests by route and status")
    }
    private static var latency: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "bulwark", metricName: "http_request_duration", unitName: "seconds", helpText: "API latency by route")
    }
    private static var deliveries: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "bulwark", metricName: "webhook_deliveries", unitName: "total", helpText: "Webhook deliveries by outcome")
    }
    private static var transitions: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "bulwark", metricName: "remediation_transitions", unitName: "total",
            helpText: "Remediation status changes by new status")
    }
    private static var cycles: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "bulwark", metricName: "cycles", unitName: "total", helpText: "Reconcile cycles by result")
    }
    private static var cycleDuration: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "bulwark", metricName: "cycle_duration", unitName: "seconds", helpText: "Reconcile cycle duration")
    }
    private static var openFindings: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "bulwark", metricName: "open_findings", unitName: "count",
            helpText: "Failed results of each target's latest scan by severity")
    }

    private static var pullRequestScans: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "bulwark", metricName: "pull_request_scans", unitName: "total",
            helpText: "Pull request scans run for webhook deliveries, by result")
    }

    /// A registry with no samples yet.
    public init() {}

    /// One API request answered: by route template (never the raw path, which would make unbounded labels).
    func request(method: String, route: String, status: Int, seconds: Double) {
        registry.makeCounter(
            descriptor: Self.requests, labels: [("method", method), ("route", route), ("status", String(status))]
        ).increment()
        registry.makeValueHistogram(descriptor: Self.latency, labels: [("route", route)], buckets: Self.latencyBuckets)
            .record(seconds)
    }

    /// One webhook delivery and what became of it ("accepted", "ignored", "rejected", "replayed", "limited").
    func webhook(provider: String, outcome: String) {
        registry.makeCounter(descriptor: Self.deliveries, labels: [("provider", provider), ("outcome", outcome)]).increment()
    }

    /// One pull request scan finished: passed, failed, unknown, error or cancelled.
    func pullRequestScan(result: String) {
        registry.makeCounter(descriptor: Self.pullRequestScans, labels: [("result", result)]).increment()
    }

    /// One remediation status change seen between two scrapes.
    func remediation(to status: String) {
        registry.makeCounter(descriptor: Self.transitions, labels: [("to", status)]).increment()
    }

    /// One reconcile cycle finished, by result (`CycleRequests.Finished.result`), and how long it took.
    func cycle(result: String, seconds: Double) {
        registry.makeCounter(descriptor: Self.cycles, labels: [("result", result)]).increment()
        registry.makeValueHistogram(descriptor: Self.cycleDuration, labels: [], buckets: Self.cycleBuckets).record(seconds)
    }

    /// Open findings of a target by severity, as of its latest scan.
    func findings(target: String, severity: Severity, count: Int) {
        registry.makeGauge(descriptor: Self.openFindings, labels: [("target", target), ("severity", severity.rawValue)])
            .set(Double(count))
    }

    /// Prometheus text exposition of every metric.
    func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}
