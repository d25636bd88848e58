import Foundation

/// Follows a log source: polls for new objects (at most every second by default), reads them past the
/// saved cursor, runs the detector (provisional window scores included, so an attack alerts within a poll
/// of its log object arriving), hands alerts to the sinks, and saves the cursor after every poll. An object whose
/// fetch failed is retried by the next polls (spaced out while failures last) under the ingestor's attempt limit.
public struct LogWatcher: Sendable {
    public var source: any LogObjectSource
    public var cursors: any CursorStore
    public var sinks: [any AlertSink]
    /// Seconds between polls.
    public var interval: Double
    public var ingestor = LogIngestor()

    /// The longest wait between polls while an object keeps failing to fetch (seconds).
    public static let maxRetryDelay: Double = 60

    /// A watcher; `interval` is clamped to 0.05–1 s.
    public init(source: any LogObjectSource, cursors: any CursorStore, sinks: [any AlertSink], interval: Double = 1) {
        self.source = source
        self.cursors = cursors
        self.sinks = sinks
        self.interval = min(max(interval, 0.05), 1)
    }

    /// Polls until cancelled or after `maxPolls` polls; returns the detector with what it learned.
    /// `onPoll` sees each poll's ingest report and alerts (for logs).
    public func run(
        detector: Detector, maxPolls: Int? = nil, now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 },
        onPoll: @escaping @Sendable (IngestReport, [Alert]) -> Void = { _, _ in }
    ) async throws(AnomalyError) -> Detector {
        var detector = detector
        var cursor = try await cursors.load(source: source.name)
        var polls = 0
        var retryingPolls = 0
        while !Task.isCancelled {
            let batch = try await ingestor.readNew(from: source, after: cursor)
            var output = detector.process(batch.events, provisional: true)
            // Windows that ended a grace period ago by the clock are complete even if the principal went quiet.
            output.merge(detector.flush(before: now() - detector.graceSeconds))
            for sink in sinks where !output.alerts.isEmpty { await sink.deliver(output.alerts) }
            if batch.cursor != cursor {
                cursor = batch.cursor
                try await cursors.save(cursor, source: source.name)
            }
            onPoll(batch.report, output.alerts)
            polls += 1
            if let maxPolls, polls >= maxPolls { break }
            // A fetch that failed is retried on the next poll; backing off (doubling up to a minute) keeps a throttled
            // bucket from being hammered and spreads the ingestor's attempt limit over time instead of seconds.
            retryingPolls = batch.report.retriedFiles > 0 ? retryingPolls + 1 : 0
            let delay = retryingPolls == 0 ? interval : min(interval * Double(1 << min(retryingPolls, 6)), Self.maxRetryDelay)
            try? await Task.sleep(nanoseconds: UInt64(delay * 1e9))
        }
        for sink in sinks { await sink.drain() }
        return detector
    }
}
