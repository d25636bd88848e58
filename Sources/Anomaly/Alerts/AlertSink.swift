import Foundation

/// Where alerts go: printed, a webhook, the database (added by the Store layer).
public protocol AlertSink: Sendable {
    /// Delivers alerts; must not block the caller for long (slow sinks deliver in their own task).
    func deliver(_ alerts: [Alert]) async
    /// Waits for deliveries still in flight (each bounded by its own deadline); called when a run ends.
    func drain() async
}

extension AlertSink {
    /// Sinks that deliver synchronously have nothing in flight.
    public func drain() async {}
}

/// Writes alerts as text (or JSON lines) through a line writer, e.g. to standard output.
public struct PrintAlertSink: AlertSink {
    public var json: Bool
    let write: @Sendable (String) -> Void

    /// A sink writing each alert through `write` (standard output by default).
    public init(json: Bool = false, write: @escaping @Sendable (String) -> Void = { print($0) }) {
        self.json = json
        self.write = write
    }

    /// Writes every alert, in order.
    public func deliver(_ alerts: [Alert]) async {
        for alert in alerts { write(json ? Self.jsonLine(alert) : alert.text) }
    }

    /// One compact JSON object per alert.
    public static func jsonLine(_ alert: Alert) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(alert)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }
}

/// Posts alerts to a webhook in the background: `deliver` returns at once, every send keeps its own deadline.
public struct WebhookAlertSink: AlertSink {
    public let sender: WebhookSender
    /// Called with every delivery outcome (for logs and tests).
    let report: @Sendable (Alert, WebhookSender.Outcome) -> Void

    /// A sink posting through `sender`; `report` sees every outcome.
    public init(sender: WebhookSender, report: @escaping @Sendable (Alert, WebhookSender.Outcome) -> Void = { _, _ in }) {
        self.sender = sender
        self.report = report
    }

    let inFlight = InFlightTasks()

    /// Starts one background send per alert and returns at once.
    public func deliver(_ alerts: [Alert]) async {
        for alert in alerts {
            let sender = sender
            let report = report
            inFlight.add(Task.detached { report(alert, await sender.send(alert)) })
        }
    }

    /// Waits for the sends started so far (each ends by its deadline).
    public func drain() async {
        for task in inFlight.takeAll() { await task.value }
    }
}

/// Tasks started and not yet awaited.
final class InFlightTasks: @unchecked Sendable {
    private let lock = NSLock()
    private var tasks: [Task<Void, Never>] = []

    func add(_ task: Task<Void, Never>) {
        lock.lock()
        tasks.append(task)
        // Only the newest handles are kept for draining, so a long watch does not accumulate them; every send
        // ends by its own deadline whether or not anyone awaits it.
        if tasks.count > 1024 { tasks.removeFirst(tasks.count - 1024) }
        lock.unlock()
    }

    func takeAll() -> [Task<Void, Never>] {
        lock.lock()
        defer { lock.unlock() }
        let all = tasks
        tasks = []
        return all
    }
}
