import Foundation

/// Turns one record's JSON text into an event, choosing the reader from the array it came from or, for bare
/// arrays and JSON Lines, from the record's own fields.
enum RecordDecoder {
    /// Top-level keys that only CloudTrail digest files carry.
    static let digestKeys: Set<String> = ["digestStartTime", "digestEndTime", "digestPublicKeyFingerprint", "logFiles"]

    /// The record's result and the format it was read as (nil when not recognised).
    /// With `scan` false every record goes through `JSONSerialization` (the reference the scanner is checked against).
    /// `interner` shares repeated values across the records of one object.
    static func decode(
        _ piece: JSONRecordSplitter.Piece, scan: Bool = true, interner: StringInterner? = nil
    ) -> (result: RecordResult, format: LogFormat?) {
        if piece.container == nil, piece.topKeys.contains(where: digestKeys.contains) {
            return (.skipped, .cloudTrailDigest)
        }
        guard piece.bytes.first == UInt8(ascii: "{") || piece.bytes.first == UInt8(ascii: "[") else {
            return (.malformed("record is not a JSON object"), nil)
        }
        if scan, piece.bytes.first == UInt8(ascii: "{"), piece.container == "Records" || piece.container == nil || piece.container == "",
            let fields = CloudTrailScan.fields(piece.bytes, interner: interner),
            piece.container == "Records" || fields.value("eventTime") != nil || fields.value("eventName") != nil
        {
            // The common case, read without building the record; anything the scanner refuses goes the long way.
            return (CloudTrailRecord.event(fields), .cloudTrail)
        }
        let value: Any
        do { value = try JSONSerialization.jsonObject(with: Data(piece.bytes)) } catch {
            return (.malformed("invalid JSON\(detail(error))"), nil)
        }
        switch piece.container {
        case "Records": return read(value, as: .cloudTrail)
        case "records": return read(value, as: .azureExport)
        case "value": return read(value, as: .azureREST)
        case "Events": return read(value, as: .cloudTrailLookup)
        case "QueryResultRows": return read(value, as: .cloudTrailLake)
        default:
            guard let format = guess(value) else {
                return (.malformed("not a CloudTrail or Azure Activity Log record"), nil)
            }
            return read(value, as: format)
        }
    }

    /// The format a lone record (bare array element, JSON line) is written in, from its fields.
    static func guess(_ value: Any) -> LogFormat? {
        if value is [Any] { return .cloudTrailLake }
        guard let object = value as? [String: Any] else { return nil }
        if object["eventTime"] != nil || object["eventName"] != nil { return .cloudTrail }
        if object["CloudTrailEvent"] != nil { return .cloudTrailLookup }
        if object["eventTimestamp"] != nil { return .azureREST }
        if object["operationName"] != nil, object["time"] != nil { return .azureExport }
        return nil
    }

    static func read(_ value: Any, as format: LogFormat) -> (result: RecordResult, format: LogFormat?) {
        switch format {
        case .cloudTrail:
            guard let fields = JSONFields(value) else { return (.malformed("record is not a JSON object"), format) }
            return (CloudTrailRecord.event(fields), format)
        case .cloudTrailLookup:
            // lookup-events wraps each CloudTrail record as a JSON string.
            guard let text = JSONFields(value)?.string("CloudTrailEvent") else {
                return (.malformed("missing CloudTrailEvent"), format)
            }
            guard let inner = try? JSONSerialization.jsonObject(with: Data(text.utf8)), let fields = JSONFields(inner)
            else { return (.malformed("CloudTrailEvent is not a JSON object"), format) }
            return (CloudTrailRecord.event(fields), format)
        case .cloudTrailLake:
            guard let fields = LakeRow.record(value) else {
                return (.malformed("query result row is not a list of columns"), format)
            }
            return (CloudTrailRecord.event(fields), format)
        case .cloudTrailDigest:
            return (.skipped, format)
        case .azureREST:
            guard let fields = JSONFields(value) else { return (.malformed("record is not a JSON object"), format) }
            return (AzureActivityRecord.restEvent(fields), format)
        case .azureExport:
            guard let fields = JSONFields(value) else { return (.malformed("record is not a JSON object"), format) }
            return (AzureActivityRecord.exportEvent(fields), format)
        }
    }

    /// Foundation's position of a JSON error inside the record, when it gives one.
    static func detail(_ error: any Error) -> String {
        let info = (error as NSError).userInfo
        if let index = info["NSJSONSerializationErrorIndex"] as? Int { return " (at byte \(index) of the record)" }
        if let text = info[NSDebugDescriptionErrorKey] as? String { return ": \(text.prefix(120))" }
        return ""
    }
}
