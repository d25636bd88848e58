import HCL
import Model

/// One file's current text during planning, parsed, with a line table for indentation and line positions.
struct WorkingFile: Sendable {
    /// The file's path, or for a fragment of a large file its key in the `EditWorkspace`.
    let path: String
    let bytes: [UInt8]
    let parsed: ParsedFile
    /// Byte offset of the start of each line (line 1 at index 0).
    private let lineStarts: [Int]

    /// Parses `bytes` (a `.tf` or `.tfvars` file) under `path`.
    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.parsed = HCLParser.parse(bytes, filename: path)
        self.lineStarts = Self.lineStarts(of: bytes)
    }

    /// Where each line starts; every fix re-reads its fragment, so this is one tight pass over the bytes.
    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            for i in buffer.indices where buffer[i] == UInt8(ascii: "\n") { starts.append(i + 1) }
        }
        return starts
    }

    /// The number of lines (one more than the newlines).
    var lineCount: Int { lineStarts.count }

    /// True when the file parsed without errors.
    var isValid: Bool { parsed.isValid }

    /// The source text of `range`.
    func text(_ range: SourceRange) -> String { text(range.start.byte, range.end.byte) }

    /// The source text of `[start, end)`.
    func text(_ start: Int, _ end: Int) -> String {
        let lo = max(0, min(start, bytes.count))
        let hi = max(lo, min(end, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    /// The 1-based line holding byte `offset`.
    func line(ofByte offset: Int) -> Int {
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// Byte offset where 1-based `line` starts (the end of the file past the last line).
    func start(ofLine line: Int) -> Int {
        line - 1 < lineStarts.count ? lineStarts[max(0, line - 1)] : bytes.count
    }

    /// The offset just past the newline ending the line that holds `offset` (the file's end on the last line).
    func startOfNextLine(after offset: Int) -> Int {
        let next = line(ofByte: offset) + 1
        return next - 1 < lineStarts.count ? lineStarts[next - 1] : bytes.count
    }

    /// The leading spaces and tabs of the line holding `offset`.
    func indentation(ofLineAt offset: Int) -> String {
        var i = start(ofLine: line(ofByte: offset))
        var out = ""
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") {
            out.append(Character(UnicodeScalar(bytes[i])))
            i += 1
        }
        return out
    }

    /// True when the line holding `offset` has nothing but whitespace.
    func isBlankLine(at offset: Int) -> Bool {
        var i = start(ofLine: line(ofByte: offset))
        while i < bytes.count, bytes[i] != UInt8(ascii: "\n") {
            if bytes[i] != UInt8(ascii: " "), bytes[i] != UInt8(ascii: "\t"), bytes[i] != UInt8(ascii: "\r") { return false }
            i += 1
        }
        return true
    }
}
