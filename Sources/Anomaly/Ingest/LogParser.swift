import Foundation

/// The log shapes the readers understand.
public enum LogFormat: String, Sendable, Hashable, Codable {
    /// CloudTrail log file: `{"Records": […]}`, a bare array of records, or JSON Lines; gzip or plain.
    case cloudTrail
    /// `aws cloudtrail lookup-events` output: `{"Events": [{"CloudTrailEvent": "<json>", …}]}`.
    case cloudTrailLookup
    /// CloudTrail Lake query results: `{"QueryResultRows": [[{"column": "value"}, …], …]}`.
    case cloudTrailLake
    /// A CloudTrail digest file (hashes of log files, no events): recognised and passed over.
    case cloudTrailDigest
    /// Azure Monitor REST `management/values` response (or an export of it): `{"value": […]}`.
    case azureREST
    /// Azure Activity Log archived to a storage account: JSON Lines (since Nov 2018) or `{"records": […]}`.
    case azureExport
}

/// Reads one log object (CloudTrail or Azure, gzip or plain, shape detected) into events and a report, as a
/// stream: the object is split into records as its bytes arrive, so memory holds one record, not the object.
public struct LogParser: Sendable {
    /// Largest decompressed object accepted (`--max-object-size`).
    public var maxObjectBytes: Int
    /// Most records read from one object; the rest are reported, not read.
    public var maxRecords: Int
    /// Events handed on together while streaming.
    public var batchSize = 4096
    /// Whether CloudTrail records are read by the byte scanner; false reads every record with `JSONSerialization`,
    /// the reference the scanner's results are compared with.
    public var scanRecords = true

    /// The default for `maxObjectBytes`: 256 MiB.
    public static let defaultMaxObjectBytes = 256 << 20

    /// A parser with these limits.
    public init(maxObjectBytes: Int = LogParser.defaultMaxObjectBytes, maxRecords: Int = 20_000_000) {
        self.maxObjectBytes = maxObjectBytes
        self.maxRecords = maxRecords
    }

    /// Parses `data` (the bytes of the object named `key`); never throws: problems are in the report.
    public func parse(_ data: Data, key: String) -> (events: [ActivityEvent], report: IngestReport.FileReport) {
        var events: [ActivityEvent] = []
        let report = parse(stream: DataChunks(data), key: key) { events += $0 }
        return (events, report)
    }

    /// Streams the object `key` from `stream`, handing events on in batches; never throws: problems are in the
    /// report, and the events read before a problem are kept.
    public func parse(
        stream: some ByteChunkSource, key: String, onEvents: ([ActivityEvent]) -> Void
    ) -> IngestReport.FileReport {
        var report = IngestReport.FileReport(key: key)
        var pending: [ActivityEvent] = []
        var latest = -Double.infinity
        var splitter = JSONRecordSplitter()
        let interner = StringInterner()
        do throws(AnomalyError) {
            var input = PrefixedChunks(stream)
            let first = try input.peek()
            guard let first else {
                throw AnomalyError(.invalidJSON, "empty object", location: key)
            }
            let isGzip = first.count >= 2 && first[0] == 0x1f && first[1] == 0x8b
            func run(_ chunks: inout some ByteChunkSource) throws(AnomalyError) {
                var total = 0
                while let chunk = try chunks.next() {
                    total += chunk.count
                    report.bytes = total
                    if total > maxObjectBytes {
                        throw AnomalyError(
                            .tooLarge, "object is larger than \(maxObjectBytes) bytes (raise --max-object-size)",
                            location: key)
                    }
                    try splitter.feed(chunk) { (piece) throws(AnomalyError) in
                        guard report.records < maxRecords else {
                            if report.records == maxRecords {
                                report.malformed(
                                    report.records, offset: piece.offset, "records beyond the limit of \(maxRecords) not read")
                            }
                            report.records += 1
                            return
                        }
                        let index = report.records
                        report.records += 1
                        let decoded = RecordDecoder.decode(piece, scan: scanRecords, interner: interner)
                        if report.format == nil || report.format == .cloudTrailDigest, let format = decoded.format {
                            report.format = format
                        }
                        switch decoded.result {
                        case .event(let event, let unknown):
                            report.ingested += 1
                            for name in unknown { report.unknownFields[name, default: 0] += 1 }
                            if event.time < latest { report.outOfOrder += 1 } else { latest = event.time }
                            pending.append(event)
                            if pending.count >= batchSize {
                                onEvents(pending)
                                pending.removeAll(keepingCapacity: true)
                            }
                        case .skipped:
                            report.skipped += 1
                        case .malformed(let reason):
                            report.malformed(index, offset: piece.offset, reason)
                        }
                    }
                }
                try splitter.finish()
            }
            if isGzip {
                var inflated = try GzipChunks(input, maxOutput: maxObjectBytes, location: key)
                try run(&inflated)
            } else {
                try run(&input)
            }
        } catch {
            var located = error
            if located.location == nil { located.location = key }
            report.error = located
        }
        if !pending.isEmpty { onEvents(pending) }
        if report.error == nil, report.format == nil, report.records > 0 {
            // Not one record in a shape the readers know: the wrong file, not a log with malformed records.
            report.error = AnomalyError(
                .unexpectedShape,
                "no \"Records\", \"Events\", \"QueryResultRows\", \"value\" or \"records\" array (not a CloudTrail or Azure log)",
                location: key)
        }
        return report
    }
}

/// A chunk source that can look at its first chunk before handing it out.
struct PrefixedChunks<Base: ByteChunkSource>: ByteChunkSource {
    var base: Base
    var head: [UInt8]?
    var peeked = false

    init(_ base: Base) { self.base = base }

    mutating func peek() throws(AnomalyError) -> [UInt8]? {
        if !peeked {
            head = try base.next()
            peeked = true
        }
        return head
    }

    mutating func next() throws(AnomalyError) -> [UInt8]? {
        if !peeked { return try base.next() }
        if let head {
            self.head = nil
            return head
        }
        return try base.next()
    }
}

/// What one record became.
enum RecordResult {
    case event(ActivityEvent, unknownFields: [String])
    case skipped
    case malformed(String)
}
