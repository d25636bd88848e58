/// Reads the new objects of a source past a cursor into events, a report and the advanced cursor.
public struct LogIngestor: Sendable {
    public var parser: LogParser

    /// An ingestor parsing with `parser`.
    public init(parser: LogParser = LogParser()) { self.parser = parser }

    /// The result of one pass over a source.
    public struct Batch: Sendable {
        public var events: [ActivityEvent]
        public var report: IngestReport
        public var cursor: LogCursor
    }

    /// Reads every object the cursor has not read. An unreadable object is reported and passed (the cursor
    /// moves past it, so one bad object cannot wedge ingestion); a failed listing throws.
    public func readNew(from source: some LogObjectSource, after cursor: LogCursor) async throws(AnomalyError) -> Batch {
        var cursor = cursor
        var events: [ActivityEvent] = []
        var report = IngestReport()
        for ref in try await source.list(after: cursor) {
            do {
                let data = try await source.read(key: ref.key)
                let (parsed, fileReport) = parser.parse(data, key: ref.key)
                events += parsed
                report.files.append(fileReport)
            } catch {
                var fileReport = IngestReport.FileReport(key: ref.key)
                fileReport.error = error
                report.files.append(fileReport)
            }
            cursor.advance(past: ref.key)
        }
        return Batch(events: events, report: report, cursor: cursor)
    }
}
