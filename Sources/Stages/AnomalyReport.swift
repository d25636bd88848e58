import Reconciler

/// What the anomaly stage read and found in one cycle.
public struct AnomalyReport: StageReport, Hashable {
    public var logObjects: Int
    public var events: Int
    /// Records that were not activity events.
    public var malformed: Int
    /// Log objects given up for good this cycle.
    public var unreadable: Int
    /// Log objects whose read failed and that are read again next cycle.
    public var toRetry: Int
    public var alerts: Int
    /// Alerts not stored before (the ones posted to the webhook).
    public var newAlerts: Int

    /// The counts; the keys are the ones the stage's log line has always carried.
    public var counts: [StageCount] {
        [
            StageCount("log_objects", logObjects), StageCount("events", events), StageCount("malformed", malformed),
            StageCount("unreadable", unreadable), StageCount("retry", toRetry), StageCount("alerts", alerts),
            StageCount("new", newAlerts),
        ]
    }

    public var description: String {
        "\(logObjects) log objects, \(events) events, \(malformed) malformed records, \(unreadable) unreadable objects, "
            + "\(toRetry) to retry, \(alerts) alerts (\(newAlerts) new)"
    }
}
