/// A strict single-pass JSON reader over one record's bytes: it checks the syntax of everything, builds values only
/// where asked, and skips the rest without allocating. It refuses (returns nil) whenever `JSONSerialization` might
/// read the text differently — fractions and exponents it would have to convert, `\u0000`, nesting deeper than
/// `maxDepth`, invalid UTF-8 — so a caller can always fall back to `JSONSerialization` and get the same answer.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0
    /// A skipped string held non-ASCII bytes: the record's UTF-8 must be checked once at the end.
    var sawNonASCII = false
    /// Where repeated string values are shared, when the caller keeps one across records.
    let interner: StringInterner?
    static let maxDepth = 64

    init(_ bytes: UnsafeBufferPointer<UInt8>, interner: StringInterner? = nil) {
        self.bytes = bytes
        self.interner = interner
    }

    /// Whether every byte was read and the text is valid UTF-8.
    mutating func finishedCleanly() -> Bool {
        skipSpace()
        guard i == bytes.count else { return false }
        if sawNonASCII { return String(validating: bytes, as: UTF8.self) != nil }
        return true
    }

    @inline(__always) mutating func skipSpace() {
        while i < bytes.count {
            let b = bytes[i]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            i += 1
        }
    }

    /// Consumes `byte` after optional space.
    @inline(__always) mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard i < bytes.count, bytes[i] == byte else { return false }
        i += 1
        return true
    }

    @inline(__always) func peek() -> UInt8? { i < bytes.count ? bytes[i] : nil }

    /// The raw span of a string without escapes (the opening quote already consumed): start and end of its bytes,
    /// or nil when it holds an escape (read it with `stringValue`) or ends badly.
    @inline(__always) mutating func plainSpan() -> Range<Int>? {
        let start = i
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {
                i += 1
                return start..<(i - 1)
            }
            if b == 0x5C || b < 0x20 { break }
            if b >= 0x80 { sawNonASCII = true }
            i += 1
        }
        i = start
        return nil
    }

    /// A string (opening quote consumed), escapes decoded; nil when invalid or not read alike by Foundation.
    mutating func stringValue() -> String? {
        if let span = plainSpan() {
            let text = UnsafeBufferPointer(rebasing: bytes[span])
            return interner?.string(text) ?? String(decoding: text, as: UTF8.self)
        }
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            switch b {
            case 0x22:
                return String(validating: out, as: UTF8.self)
            case 0x5C:
                guard i < bytes.count else { return nil }
                let e = bytes[i]
                i += 1
                switch e {
                case 0x22, 0x5C, 0x2F: out.append(e)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    guard var scalar = hex4() else { return nil }
                    if scalar >= 0xD800 && scalar < 0xDC00 {
                        guard take(0x5C), i < bytes.count, bytes[i] == 0x75 else { return nil }
                        i += 1
                        guard let low = hex4(), low >= 0xDC00 && low < 0xE000 else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard scalar != 0, let s = Unicode.Scalar(scalar) else { return nil }
                    out.append(contentsOf: UTF8.encode(s)!)
                default:
                    return nil
                }
            default:
                guard b >= 0x20 else { return nil }
                out.append(b)
            }
        }
        return nil
    }

    mutating func hex4() -> UInt32? {
        guard i + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            i += 1
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    /// Skips a string (opening quote consumed), checking it.
    mutating func skipString() -> Bool {
        if plainSpan() != nil { return true }
        return stringValue() != nil
    }

    /// Reads a number's literal; `whole` is set when it is an integer `JSONSerialization` keeps as written.
    mutating func number() -> (span: Range<Int>, whole: Bool)? {
        let start = i
        if peek() == 0x2D { i += 1 }
        guard let first = peek(), first >= 0x30 && first <= 0x39 else { return nil }
        i += 1
        if first != 0x30 { while let d = peek(), d >= 0x30 && d <= 0x39 { i += 1 } }
        let integerEnd = i
        var whole = true
        if peek() == 0x2E {
            whole = false
            i += 1
            let from = i
            while let d = peek(), d >= 0x30 && d <= 0x39 { i += 1 }
            guard i > from else { return nil }
        }
        if peek() == 0x65 || peek() == 0x45 {
            whole = false
            i += 1
            if peek() == 0x2B || peek() == 0x2D { i += 1 }
            let from = i
            while let d = peek(), d >= 0x30 && d <= 0x39 { i += 1 }
            // Out-of-range exponents are refused here rather than guessed.
            guard i > from, i - from <= 2 else { return nil }
        }
        // Literals this long are refused: Foundation may read them as decimals or refuse them.
        guard i - start <= 40 else { return nil }
        let digits = integerEnd - start - (bytes[start] == 0x2D ? 1 : 0)
        if whole && (digits > 18 || (bytes[start] == 0x2D && digits == 1 && bytes[start + 1] == 0x30)) { whole = false }
        return (start..<i, whole)
    }

    @inline(__always) mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        let p = word.utf8Start
        for k in 0..<n where bytes[i + k] != p[k] { return false }
        i += n
        return true
    }

    /// Skips any value, checking its syntax.
    mutating func skipValue(depth: Int = 0) -> Bool {
        skipSpace()
        guard depth < Self.maxDepth, let b = peek() else { return false }
        switch b {
        case 0x22:
            i += 1
            return skipString()
        case 0x7B:
            i += 1
            if take(0x7D) { return true }
            repeat {
                guard take(0x22), skipString(), take(0x3A), skipValue(depth: depth + 1) else { return false }
            } while take(0x2C)
            return take(0x7D)
        case 0x5B:
            i += 1
            if take(0x5D) { return true }
            repeat {
                guard skipValue(depth: depth + 1) else { return false }
            } while take(0x2C)
            return take(0x5D)
        case 0x74: return literal("true")
        case 0x66: return literal("false")
        case 0x6E: return literal("null")
        default: return number() != nil
        }
    }

    /// Reads any value into a tree; nil when invalid or holding something refused (see the type's summary).
    mutating func value(depth: Int = 0) -> ScannedJSON? {
        skipSpace()
        guard depth < Self.maxDepth, let b = peek() else { return nil }
        switch b {
        case 0x22:
            i += 1
            return stringValue().map(ScannedJSON.string)
        case 0x7B:
            i += 1
            var members: [(key: String, value: ScannedJSON)] = []
            if take(0x7D) { return .object(members) }
            repeat {
                guard take(0x22), let key = stringValue(), take(0x3A), let v = value(depth: depth + 1) else { return nil }
                members.append((key, v))
            } while take(0x2C)
            return take(0x7D) ? .object(members) : nil
        case 0x5B:
            i += 1
            var elements: [ScannedJSON] = []
            if take(0x5D) { return .array(elements) }
            repeat {
                guard let v = value(depth: depth + 1) else { return nil }
                elements.append(v)
            } while take(0x2C)
            return take(0x5D) ? .array(elements) : nil
        case 0x74: return literal("true") ? .bool(true) : nil
        case 0x66: return literal("false") ? .bool(false) : nil
        case 0x6E: return literal("null") ? .null : nil
        default:
            guard let (span, whole) = number(), whole else { return nil }
            return .integer(String(decoding: UnsafeBufferPointer(rebasing: bytes[span]), as: UTF8.self))
        }
    }
}
