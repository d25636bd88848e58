import Anomaly
import Foundation
import Model
import Store

/// Alerts into the Store's `alerts` table with their severity and dedupe key: storing an alert again is a no-op,
/// so re-running a cycle (or a watcher restart) never duplicates one.
public struct StoreAlertSink: AlertSink {
    public let store: Store
    /// Sees failures of `deliver` (which cannot throw); `record` throws them instead.
    let onError: @Sendable (any Error) -> Void

    /// A sink writing to `store`; `onError` sees failed writes of `deliver`.
    public init(store: Store, onError: @escaping @Sendable (any Error) -> Void = { _ in }) {
        self.store = store
        self.onError = onError
    }

    /// Stores the alerts in one transaction; returns those not stored before, in order.
    public func record(_ alerts: [Alert], now: Date = Date()) async throws -> [Alert] {
        guard !alerts.isEmpty else { return [] }
        let inserted = Set(try await store.recordNewAlerts(alerts.map { Self.record($0, createdAt: now) }))
        return alerts.filter { inserted.contains($0.dedupeKey) }
    }

    /// Stores the alerts, reporting a failure to `onError`.
    public func deliver(_ alerts: [Alert]) async {
        do { _ = try await record(alerts) } catch { onError(error) }
    }

    /// The stored form: severity and source as text, the whole alert (reasons, window, account) as JSON detail.
    public static func record(_ alert: Alert, createdAt: Date) -> AlertRecord {
        let source: String
        switch alert.source {
        case .rule: source = "rule"
        case .model: source = "model"
        }
        return AlertRecord(
            dedupeKey: alert.dedupeKey, createdAt: createdAt, severity: alert.severity,
            principal: alert.principal, title: alert.title, detail: PrintAlertSink.jsonLine(alert),
            source: source, score: alert.score)
    }
}
