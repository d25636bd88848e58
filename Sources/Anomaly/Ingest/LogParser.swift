import Foundation

/// The log shapes the readers understand.
public enum LogFormat: String, Sendable, Hashable, Codable {
    /// CloudTrail log file: `{"Records": […]}`, gzip or plain.
    case cloudTrail
    /// Azure Monitor REST `management/values` response (or an export of it): `{"value": […]}`.
    case azureREST
    /// Azure Activity Log archived to a storage account: JSON Lines (since Nov 2018) or `{"records": […]}`.
    case azureExport
}

/// Reads one log object (CloudTrail or Azure, gzip or plain, shape detected) into events and a report.
public struct LogParser: Sendable {
    /// Largest decompressed object accepted.
    public var maxObjectBytes: Int
    /// Most records read from one object; the rest are reported, not read.
    public var maxRecords: Int

    /// A parser with these limits.
    public init(maxObjectBytes: Int = 256 << 20, maxRecords: Int = 2_000_000) {
        self.maxObjectBytes = maxObjectBytes
        self.maxRecords = maxRecords
    }

    /// Parses `data` (the bytes of the object named `key`); never throws: problems are in the report.
    public func parse(_ data: Data, key: String) -> (events: [ActivityEvent], report: IngestReport.FileReport) {
        var report = IngestReport.FileReport(key: key)
        var bytes = data
        if Gzip.isGzip(data) {
            do { bytes = try Gzip.decompress(data, maxOutput: maxObjectBytes, location: key) } catch {
                report.error = error
                return ([], report)
            }
        } else if data.count > maxObjectBytes {
            report.error = AnomalyError(.tooLarge, "object is larger than \(maxObjectBytes) bytes", location: key)
            return ([], report)
        }
        var events: [ActivityEvent] = []
        var latest = -Double.infinity
        func accept(_ result: RecordResult, index: Int, line: Int?) {
            report.records += 1
            switch result {
            case .event(let event, let unknown):
                report.ingested += 1
                for name in unknown { report.unknownFields[name, default: 0] += 1 }
                if event.time < latest { report.outOfOrder += 1 } else { latest = event.time }
                events.append(event)
            case .skipped:
                report.skipped += 1
            case .malformed(let reason):
                report.malformed(index, line: line, reason)
            }
        }
        // One JSON document first; JSON Lines (Azure's storage export) when that fails or holds one record.
        if let top = try? JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed]) {
            guard let object = top as? [String: Any] else {
                report.error = AnomalyError(.unexpectedShape, "top-level JSON is not an object", location: key)
                return ([], report)
            }
            let shape: (LogFormat, [Any])?
            if let records = object["Records"] as? [Any] {
                shape = (.cloudTrail, records)
            } else if let value = object["value"] as? [Any] {
                shape = (.azureREST, value)
            } else if let records = object["records"] as? [Any] {
                shape = (.azureExport, records)
            } else if object["operationName"] != nil, object["time"] != nil {
                shape = (.azureExport, [object])
            } else {
                shape = nil
            }
            guard let (format, records) = shape else {
                report.error = AnomalyError(
                    .unexpectedShape, "no \"Records\", \"value\" or \"records\" array (not a CloudTrail or Azure log)",
                    location: key)
                return ([], report)
            }
            report.format = format
            for (index, record) in records.prefix(maxRecords).enumerated() {
                accept(Self.record(record, format: format), index: index, line: nil)
            }
            if records.count > maxRecords {
                report.malformed(maxRecords, line: nil, "\(records.count - maxRecords) records beyond the limit not read")
            }
            return (events, report)
        }
        guard bytes.first(where: { !Self.isSpace($0) }) == UInt8(ascii: "{") else {
            report.error = AnomalyError(.invalidJSON, "not JSON", location: key)
            return ([], report)
        }
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.filter({ !$0.allSatisfy(Self.isSpace) }).count > 1 else {
            // One document that does not parse: a truncated or corrupt file, not a stream of records.
            report.error = AnomalyError(.invalidJSON, "invalid JSON document", location: key)
            return ([], report)
        }
        report.format = .azureExport
        var lineNumber = 0
        var index = 0
        for lineBytes in lines {
            lineNumber += 1
            if lineBytes.allSatisfy(Self.isSpace) { continue }
            guard index < maxRecords else {
                report.malformed(index, line: lineNumber, "records beyond the limit of \(maxRecords) not read")
                break
            }
            defer { index += 1 }
            guard let record = try? JSONSerialization.jsonObject(with: Data(lineBytes)) else {
                accept(.malformed("invalid JSON"), index: index, line: lineNumber)
                continue
            }
            accept(Self.record(record, format: .azureExport), index: index, line: lineNumber)
        }
        return (events, report)
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }

    static func record(_ any: Any, format: LogFormat) -> RecordResult {
        guard let fields = JSONFields(any) else { return .malformed("record is not a JSON object") }
        switch format {
        case .cloudTrail: return CloudTrailRecord.event(fields)
        case .azureREST: return AzureActivityRecord.restEvent(fields)
        case .azureExport: return AzureActivityRecord.exportEvent(fields)
        }
    }
}

/// What one record became.
enum RecordResult {
    case event(ActivityEvent, unknownFields: [String])
    case skipped
    case malformed(String)
}
