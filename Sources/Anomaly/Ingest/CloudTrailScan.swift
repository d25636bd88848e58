/// Reads a CloudTrail record's members straight from its bytes: the members the normalisation reads become small
/// trees, every other member is checked and skipped without building anything. Most of a record (request IDs,
/// TLS details, session context) is never needed, and building it all with `JSONSerialization` cost more than
/// everything else ingestion does.
enum CloudTrailScan {
    /// Top-level members read by `CloudTrailRecord.event` (and the format guess).
    static let readMembers = [
        "eventTime", "eventName", "userIdentity", "recipientAccountId", "eventSource", "additionalEventData",
        "errorCode", "responseElements", "readOnly", "requestParameters", "resources", "awsRegion", "sourceIPAddress",
        "userAgent",
    ]

    /// Member names by length, so a key is compared with the one or two names as long as it is.
    struct KeyTable: Sendable {
        var names: [String] = []
        var utf8: [UInt8] = []
        var offsets: [Int] = []
        var reads: [Bool] = []
        /// Indices into `names` of each length (up to 63 bytes).
        var byLength: [[Int]] = Array(repeating: [], count: 64)

        init() {
            let all = Set(readMembers).union(CloudTrailRecord.knownFields).sorted()
            for name in all {
                byLength[name.utf8.count].append(names.count)
                names.append(name)
                offsets.append(utf8.count)
                utf8 += Array(name.utf8)
                reads.append(readMembers.contains(name))
            }
            offsets.append(utf8.count)
        }

        /// The index of the member named by `key`'s bytes, or nil for a member the schema does not list.
        func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
            guard key.count < byLength.count else { return nil }
            for candidate in byLength[key.count] {
                var same = true
                var k = 0
                let base = offsets[candidate]
                while k < key.count {
                    if utf8[base + k] != key[k] {
                        same = false
                        break
                    }
                    k += 1
                }
                if same { return candidate }
            }
            return nil
        }
    }

    static let table = KeyTable()

    /// The members of the record (read ones with their values, unlisted ones by name with a null value); nil when
    /// the scanner refused the text, so `JSONSerialization` reads it instead.
    static func fields(_ record: [UInt8], interner: StringInterner? = nil) -> ScannedFields? {
        record.withUnsafeBufferPointer { buffer -> ScannedFields? in
            let table = Self.table
            var scanner = JSONScanner(buffer, interner: interner)
            guard scanner.take(0x7B) else { return nil }
            var members: [(key: String, value: ScannedJSON)] = []
            members.reserveCapacity(16)
            if !scanner.take(0x7D) {
                repeat {
                    guard scanner.take(0x22) else { return nil }
                    let start = scanner.i
                    var index: Int?
                    var unlisted: String?
                    if let span = scanner.plainSpan() {
                        let key = UnsafeBufferPointer(rebasing: buffer[span])
                        index = table.index(of: key)
                        if index == nil { unlisted = String(decoding: key, as: UTF8.self) }
                    } else {
                        scanner.i = start
                        guard let key = scanner.stringValue() else { return nil }
                        index = table.names.firstIndex(of: key)
                        if index == nil { unlisted = key }
                    }
                    guard scanner.take(0x3A) else { return nil }
                    if let index, table.reads[index] {
                        guard let value = scanner.value() else { return nil }
                        members.append((table.names[index], value))
                    } else {
                        guard scanner.skipValue() else { return nil }
                        if let unlisted { members.append((unlisted, .null)) }
                    }
                } while scanner.take(0x2C)
                guard scanner.take(0x7D) else { return nil }
            }
            guard scanner.finishedCleanly() else { return nil }
            return ScannedFields(members: members)
        }
    }
}
