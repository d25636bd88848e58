/// Reads the new objects of a source past a cursor into events, a report and the advanced cursor.
public struct LogIngestor: Sendable {
    public var parser: LogParser
    /// Consecutive cycles that may fail to fetch the same object before it is passed for good (at least 1).
    public var maxReadAttempts: Int

    /// The default number of cycles a failing object is retried before it is skipped.
    public static let defaultMaxReadAttempts = 5

    /// An ingestor parsing with `parser` that gives up on an object after `maxReadAttempts` failed cycles.
    public init(parser: LogParser = LogParser(), maxReadAttempts: Int = LogIngestor.defaultMaxReadAttempts) {
        self.parser = parser
        self.maxReadAttempts = max(1, maxReadAttempts)
    }

    /// The result of one pass over a source.
    public struct Batch: Sendable {
        public var events: [ActivityEvent]
        public var report: IngestReport
        public var cursor: LogCursor
    }

    /// Reads every object the cursor has not read, group by group in key order.
    /// - A content error (truncated gzip, not JSON, too large) is reported and the cursor moves past the object:
    ///   re-reading the same bytes cannot help.
    /// - A fetch failure (transport, throttling, 5xx, access denied) stops that group's cursor just before the
    ///   object, so the next cycle reads it again; the group's later objects wait for that cycle (reading them now
    ///   would read them twice), other groups go on. After `maxReadAttempts` cycles in a row failing on the same
    ///   object it is reported as given up and passed, so one broken object never stalls its group forever.
    /// A failed listing throws.
    public func readNew(from source: some LogObjectSource, after cursor: LogCursor) async throws(AnomalyError) -> Batch {
        var cursor = cursor
        var events: [ActivityEvent] = []
        var report = IngestReport()
        var stopped: Set<String> = []
        for ref in try await source.list(after: cursor) {
            let group = LogCursor.group(of: ref.key)
            guard !stopped.contains(group) else { continue }
            do {
                let data = try await source.read(key: ref.key)
                let (parsed, parsedReport) = parser.parse(data, key: ref.key)
                var fileReport = parsedReport
                fileReport.location = source.location(of: ref.key)
                events += parsed
                report.files.append(fileReport)
            } catch {
                var fileReport = IngestReport.FileReport(key: ref.key)
                fileReport.error = error
                fileReport.location = source.location(of: ref.key)
                if error.isReadFailure {
                    fileReport.readFailures = cursor.recordReadFailure(of: ref.key)
                    if fileReport.readFailures < maxReadAttempts {
                        fileReport.retried = true
                        stopped.insert(group)
                        report.files.append(fileReport)
                        continue
                    }
                }
                report.files.append(fileReport)
            }
            cursor.advance(past: ref.key)
        }
        return Batch(events: events, report: report, cursor: cursor)
    }
}
