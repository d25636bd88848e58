import Model

/// The bytes of one source plus the line table that turns byte offsets into line/column positions.
struct SourceText {
    let filename: String
    /// Where the text sits in its enclosing file (non-trivial for `parseExpression`/`parseTemplate`).
    let origin: SourcePosition
    /// Byte offset of the first byte of every line; `lineStarts[0]` is where lexing begins (after a BOM).
    private(set) var lineStarts: [Int] = []
    /// Memo of the last column lookup: positions are mostly requested left to right, so counting
    /// scalars from the previous answer keeps long single-line inputs linear instead of quadratic.
    private var cacheLine = -1
    private var cacheByte = 0
    private var cacheColumn = 1

    init(filename: String, origin: SourcePosition) {
        self.filename = filename
        self.origin = origin
    }

    /// Problems found by `scan`: the offsets of the first NUL byte and the first malformed UTF-8 byte.
    struct ScanResult {
        var firstNUL: Int?
        var firstInvalidUTF8: Int?
    }

    /// Builds the line table and checks encoding in one pass (ASCII words are skipped eight bytes at a time).
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> ScanResult {
        var result = ScanResult()
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count / 24 + 2)
        starts.append(start)
        let count = bytes.count
        var i = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
        guard let base = bytes.baseAddress else {
            lineStarts = starts
            return result
        }
        let raw = UnsafeRawPointer(base)
        while i < count {
            if i + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let nl = word ^ newlines
                // Classic "has zero byte" test on the word and on word^'\n', plus any high bit.
                let special = ((word &- ones) & ~word) | ((nl &- ones) & ~nl) | word
                if special & highs == 0 {
                    i += 8
                    continue
                }
            }
            let b = base[i]
            if b < 0x80 {
                if b == 0x0A {
                    starts.append(i + 1)
                } else if b == 0, result.firstNUL == nil {
                    result.firstNUL = i
                }
                i += 1
                continue
            }
            let length = Self.validUTF8Length(base, i, count)
            if length == 0 {
                if result.firstInvalidUTF8 == nil { result.firstInvalidUTF8 = i }
                i += 1
            } else {
                i += length
            }
        }
        lineStarts = starts
        return result
    }

    /// Length of the well-formed UTF-8 sequence starting at `i` (lead byte >= 0x80), or 0 if malformed.
    static func validUTF8Length(_ p: UnsafePointer<UInt8>, _ i: Int, _ count: Int) -> Int {
        let b0 = p[i]
        func cont(_ k: Int) -> Bool { i + k < count && p[i + k] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF:
            return cont(1) ? 2 : 0
        case 0xE0...0xEF:
            guard cont(1), cont(2) else { return 0 }
            let b1 = p[i + 1]
            if b0 == 0xE0 && b1 < 0xA0 { return 0 }
            if b0 == 0xED && b1 >= 0xA0 { return 0 }
            return 3
        case 0xF0...0xF4:
            guard cont(1), cont(2), cont(3) else { return 0 }
            let b1 = p[i + 1]
            if b0 == 0xF0 && b1 < 0x90 { return 0 }
            if b0 == 0xF4 && b1 >= 0x90 { return 0 }
            return 4
        default:
            return 0
        }
    }

    /// The 0-based line index containing `byte`.
    private func lineIndex(of byte: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) >> 1
            if lineStarts[mid] <= byte { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Positions usually move forward a line or two at a time; probing a few lines avoids a binary search.
    private func nearbyLine(after line: Int, containing byte: Int) -> Int? {
        var candidate = line + 1
        let limit = min(line + 4, lineStarts.count - 1)
        while candidate <= limit {
            if candidate + 1 >= lineStarts.count || byte < lineStarts[candidate + 1] {
                return byte >= lineStarts[candidate] ? candidate : nil
            }
            candidate += 1
        }
        return nil
    }

    /// The file position of a byte offset in `bytes`, shifted by `origin`.
    mutating func position(_ byte: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourcePosition {
        let line: Int
        if cacheLine >= 0, byte >= cacheByte, cacheLine + 1 >= lineStarts.count || byte < lineStarts[cacheLine + 1] {
            line = cacheLine
        } else if cacheLine >= 0, byte >= cacheByte, let forward = nearbyLine(after: cacheLine, containing: byte) {
            line = forward
            cacheLine = line
            cacheByte = lineStarts[line]
            cacheColumn = 1
        } else {
            line = lineIndex(of: byte)
            cacheLine = line
            cacheByte = lineStarts[line]
            cacheColumn = 1
        }
        if byte < cacheByte {
            cacheByte = lineStarts[line]
            cacheColumn = 1
        }
        var column = cacheColumn
        var i = cacheByte
        let limit = min(byte, bytes.count)
        while i < limit {
            // Continuation bytes belong to the scalar already counted.
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        cacheByte = byte
        cacheColumn = column
        if line == 0 {
            return SourcePosition(line: origin.line, column: origin.column + column - 1, byte: origin.byte + byte)
        }
        return SourcePosition(line: origin.line + line, column: column, byte: origin.byte + byte)
    }
}
