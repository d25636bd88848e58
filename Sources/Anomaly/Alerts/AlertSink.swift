import Foundation

/// Where alerts go: printed, a webhook, the database (added by the Store layer).
public protocol AlertSink: Sendable {
    /// Delivers alerts; must not block the caller for long (slow sinks deliver in their own task).
    func deliver(_ alerts: [Alert]) async
}

/// Writes alerts as text (or JSON lines) through a line writer, e.g. to standard output.
public struct PrintAlertSink: AlertSink {
    public var json: Bool
    let write: @Sendable (String) -> Void

    public init(json: Bool = false, write: @escaping @Sendable (String) -> Void = { print($0) }) {
        self.json = json
        self.write = write
    }

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

    public init(sender: WebhookSender, report: @escaping @Sendable (Alert, WebhookSender.Outcome) -> Void = { _, _ in }) {
        self.sender = sender
        self.report = report
    }

    public func deliver(_ alerts: [Alert]) async {
        for alert in alerts {
            let sender = sender
            let report = report
            Task.detached { report(alert, await sender.send(alert)) }
        }
    }
}
