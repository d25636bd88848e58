import CLibPQ

/// How `SQLValue`s travel to and from libpq: parameter types and encodings, result decoding, COPY text rows.
enum PostgresValueCodec {
    /// Parameters are typed explicitly so the server never has to guess (`$1 IS NULL` would fail otherwise).
    static func typeOID(_ value: SQLValue) -> Oid {
        switch value {
        case .null: return 0
        case .integer: return 20  // int8
        case .real: return 701  // float8
        case .text: return 25  // text
        case .blob: return 17  // bytea
        }
    }

    /// Parameter bytes laid out in one buffer: NUL-terminated text, or raw binary for blobs.
    struct EncodedParameters {
        var bytes: [UInt8] = []
        var offsets: [Int?] = []
        var lengths: [Int32] = []
        var formats: [Int32] = []

        /// Calls `body` with the C arrays PQexecPrepared takes.
        func withPointers<R>(
            _ body: (UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) -> R
        ) -> R {
            bytes.withUnsafeBufferPointer { buffer in
                let base = UnsafeRawPointer(buffer.baseAddress)
                let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in
                    offset.flatMap { offset in base.map { ($0 + offset).assumingMemoryBound(to: CChar.self) } }
                }
                return pointers.withUnsafeBufferPointer { p in
                    lengths.withUnsafeBufferPointer { l in
                        formats.withUnsafeBufferPointer { f in body(p.baseAddress, l.baseAddress, f.baseAddress) }
                    }
                }
            }
        }
    }

    static func encodeParameters(_ params: [SQLValue], operation: String) throws -> EncodedParameters {
        var encoded = EncodedParameters()
        for (i, value) in params.enumerated() {
            let text: String
            switch value {
            case .null:
                encoded.offsets.append(nil)
                encoded.lengths.append(0)
                encoded.formats.append(0)
                continue
            case .blob(let bytes):
                encoded.offsets.append(encoded.bytes.count)
                encoded.bytes.append(contentsOf: bytes)
                encoded.lengths.append(Int32(bytes.count))
                encoded.formats.append(1)
                continue
            case .integer(let v): text = String(v)
            case .real(let v): text = v.isNaN ? "NaN" : v.isInfinite ? (v < 0 ? "-Infinity" : "Infinity") : "\(v)"
            case .text(let s): text = s
            }
            if text.utf8.contains(0) {
                throw StoreError(
                    .invalidValue, "parameter \(i + 1) holds a NUL character, which PostgreSQL text cannot",
                    backend: "postgresql", operation: operation)
            }
            encoded.offsets.append(encoded.bytes.count)
            encoded.bytes.append(contentsOf: text.utf8)
            encoded.bytes.append(0)
            encoded.lengths.append(0)
            encoded.formats.append(0)
        }
        if encoded.bytes.isEmpty { encoded.bytes.append(0) }  // a base address even when every value is NULL
        return encoded
    }

    /// Decodes one text-format result cell by its column type.
    static func decode(_ result: OpaquePointer, _ row: Int32, _ column: Int32, type: Oid) -> SQLValue {
        if PQgetisnull(result, row, column) != 0 { return .null }
        guard let raw = PQgetvalue(result, row, column) else { return .null }
        let length = Int(PQgetlength(result, row, column))
        let text = raw.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
        switch type {
        case 20, 21, 23, 26: return Int64(text).map(SQLValue.integer) ?? .text(text)
        case 700, 701, 1700: return Double(text).map(SQLValue.real) ?? .text(text)
        case 16: return .integer(text == "t" ? 1 : 0)
        case 17: return .blob(hexBytes(text))
        default: return .text(text)
        }
    }

    /// bytea's text output is `\x` followed by hex digits.
    private static func hexBytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var high: UInt8?
        for c in text.utf8.dropFirst(2) {
            let nibble: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = c - UInt8(ascii: "A") + 10
            default: continue
            }
            if let h = high {
                bytes.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends one row in COPY's text format: tab-separated, `\N` for NULL, backslash escapes.
    static func appendCopyRow(_ row: [SQLValue], to buffer: inout [UInt8]) throws {
        for (i, value) in row.enumerated() {
            if i > 0 { buffer.append(9) }
            switch value {
            case .null: buffer.append(contentsOf: [92, 78])  // \N
            case .integer(let v): buffer.append(contentsOf: String(v).utf8)
            case .real(let v):
                buffer.append(contentsOf: (v.isNaN ? "NaN" : v.isInfinite ? (v < 0 ? "-Infinity" : "Infinity") : "\(v)").utf8)
            case .text(let s):
                for byte in s.utf8 {
                    switch byte {
                    case 0:
                        throw StoreError(
                            .invalidValue, "a text value holds a NUL character, which PostgreSQL text cannot",
                            backend: "postgresql", operation: "COPY")
                    case 92: buffer.append(contentsOf: [92, 92])
                    case 9: buffer.append(contentsOf: [92, 116])
                    case 10: buffer.append(contentsOf: [92, 110])
                    case 13: buffer.append(contentsOf: [92, 114])
                    default: buffer.append(byte)
                    }
                }
            case .blob(let bytes):
                buffer.append(contentsOf: [92, 92, 120])  // \\x: bytea hex input, its backslash escaped for COPY
                for byte in bytes {
                    buffer.append(hexDigits[Int(byte >> 4)])
                    buffer.append(hexDigits[Int(byte & 0xf)])
                }
            }
        }
        buffer.append(10)
    }
}
