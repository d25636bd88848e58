#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a stream of JSON text into records without building the whole document: the elements of a
/// top-level array, the elements of a known records array in a top-level object (`Records`, `records`, `value`,
/// `Events`, `QueryResultRows`), or whole top-level objects one after another (JSON Lines, or a single record or
/// document without such an array). Only the record being read is held in memory.
public struct JSONRecordSplitter {
    /// One record found in the stream.
    public struct Piece {
        /// The array the record is an element of (`Records`, …), "" for a bare top-level array, nil for a
        /// top-level object that held no records array.
        public var container: String?
        /// The record's JSON text.
        public var bytes: [UInt8]
        /// Byte offset of the record's first byte in the stream.
        public var offset: Int
        /// Top-level keys of a top-level object seen before its records array (or all of them when it had none).
        public var topKeys: [String]
    }

    /// Names of top-level arrays whose elements are records.
    public static let containers: Set<String> = ["Records", "records", "value", "Events", "QueryResultRows"]

    /// A record longer than this is refused (a corrupt or hostile object, not a log record).
    public let maxRecordBytes: Int

    /// A splitter refusing records longer than `maxRecordBytes`.
    public init(maxRecordBytes: Int = 32 << 20) { self.maxRecordBytes = maxRecordBytes }

    // Scanner state.
    var offset = 0
    var depth = 0
    var inString = false
    var escaped = false
    /// Depth at which elements are records (1: bare array, 2: a records array in an object); 0 when none.
    var recordDepth = 0
    var container: String?
    /// Whether the current top-level value is an object (else an array).
    var topIsObject = false
    var expectKey = false
    var keyStart: Int?
    var lastKey: String?
    var topKeys: [String] = []
    /// Bytes of the value being captured (a record, or a top-level object until its records array shows up).
    var capture: [UInt8] = []
    var capturing = false
    var captureOffset = 0
    /// A scalar element is being skipped (reported as not a record).
    var inScalar = false
    /// A second top-level object followed one without a records array: JSON Lines, where a line break ends a
    /// record even when the record is broken, so one bad line never swallows the rest.
    var jsonLines = false
    /// Top-level values completed so far.
    var topValues = 0
    var lastTopHadRecords = false

    /// Whether the stream ended between top-level values (nothing unfinished).
    public var isAtBoundary: Bool { depth == 0 && !inString }

    /// Feeds the next piece of the stream; `emit` receives each completed record.
    public mutating func feed(_ chunk: [UInt8], emit: (Piece) throws(AnomalyError) -> Void) throws(AnomalyError) {
        var captureFrom = capturing ? 0 : -1
        var i = 0
        let n = chunk.count
        while i < n {
            let b = chunk[i]
            if jsonLines && b == 0x0A && depth > 0 && capturing {
                // A line that ends inside its object: hand it on as it is (it will not parse) and start afresh.
                try finish(chunk: chunk, from: captureFrom, through: i, topLevel: true, emit: emit)
                captureFrom = -1
                depth = 0
                inString = false
                escaped = false
                keyStart = nil
                recordDepth = 0
                topIsObject = false
                i += 1
                continue
            }
            if inString {
                if escaped {
                    escaped = false
                    i += 1
                    continue
                }
                // Jump to the next quote; it ends the string unless an odd run of backslashes escapes it.
                guard let quote = Self.nextQuote(chunk, from: i) else {
                    var run = 0
                    while n - 1 - run >= i && chunk[n - 1 - run] == 0x5C { run += 1 }
                    escaped = run % 2 == 1
                    i = n
                    continue
                }
                var run = 0
                while quote - 1 - run >= i && chunk[quote - 1 - run] == 0x5C { run += 1 }
                i = quote
                if run % 2 == 0 {
                    inString = false
                    if let start = keyStart {
                        keyStart = nil
                        let end = capture.count + (i - captureFrom)
                        lastKey = key(from: start, to: end, chunk: chunk, captureFrom: captureFrom)
                        if let lastKey { topKeys.append(lastKey) }
                    }
                }
                i += 1
                continue
            }
            switch b {
            case 0x20, 0x0A, 0x0D, 0x09:
                break
            case 0x22:
                inString = true
                if depth == 1 && topIsObject && expectKey && recordDepth == 0 && capturing {
                    expectKey = false
                    keyStart = capture.count + (i - captureFrom) + 1
                } else if depth == recordDepth && !capturing && !inScalar {
                    // A string where a record belongs: handed on so it is counted as not a record.
                    inScalar = true
                    try emit(Piece(container: container, bytes: [b], offset: offset + i, topKeys: []))
                }
            case 0x7B, 0x5B:  // { [
                inScalar = false
                if depth == 0 {
                    if topValues > 0 && !lastTopHadRecords && b == 0x7B { jsonLines = true }
                    topIsObject = b == 0x7B
                    topKeys = []
                    lastKey = nil
                    container = nil
                    expectKey = topIsObject
                    recordDepth = topIsObject ? 0 : 1
                    if topIsObject {
                        capturing = true
                        capture = []
                        captureFrom = i
                        captureOffset = offset + i
                    } else {
                        container = ""
                    }
                } else if depth == 1 && topIsObject && b == 0x5B && recordDepth == 0, let key = lastKey,
                    Self.containers.contains(key)
                {
                    // The records array: stop holding the enclosing object, hold one element at a time instead.
                    recordDepth = 2
                    container = key
                    capturing = false
                    capture = []
                    captureFrom = -1
                } else if depth == recordDepth && !capturing {
                    capturing = true
                    capture = []
                    captureFrom = i
                    captureOffset = offset + i
                }
                depth += 1
            case 0x7D, 0x5D:  // } ]
                guard depth > 0 else {
                    throw AnomalyError(
                        .invalidJSON, "unexpected \"\(Character(UnicodeScalar(b)))\" at byte \(offset + i)")
                }
                depth -= 1
                inScalar = false
                if depth == recordDepth && capturing && recordDepth > 0 {
                    try finish(chunk: chunk, from: captureFrom, through: i, topLevel: false, emit: emit)
                    captureFrom = -1
                } else if depth == 0 && capturing {
                    try finish(chunk: chunk, from: captureFrom, through: i, topLevel: true, emit: emit)
                    captureFrom = -1
                }
                if depth == 1 && recordDepth == 2 && b == 0x5D {
                    // The records array closed; the rest of the object is read past.
                    recordDepth = -1
                }
                if depth == 0 {
                    topValues += 1
                    lastTopHadRecords = recordDepth != 0
                    recordDepth = 0
                    topIsObject = false
                }
            case 0x2C:  // ,
                if depth == 1 && topIsObject { expectKey = true }
                if depth == recordDepth && inScalar { inScalar = false }
            default:
                if depth == 0 {
                    throw AnomalyError(
                        .invalidJSON, "expected \"{\" or \"[\" at byte \(offset + i), found \(Self.describe(b))")
                }
                if depth == recordDepth && !capturing && !inScalar {
                    inScalar = true
                    try emit(Piece(container: container, bytes: [b], offset: offset + i, topKeys: []))
                }
            }
            i += 1
        }
        if capturing && captureFrom >= 0 {
            capture.append(contentsOf: chunk[captureFrom..<n])
            if capture.count > maxRecordBytes {
                throw AnomalyError(
                    .tooLarge, "record at byte \(captureOffset) is longer than \(maxRecordBytes) bytes")
            }
        }
        offset += n
    }

    /// Checks the stream ended cleanly: an unfinished value is a truncated object, reported with its offset.
    public func finish() throws(AnomalyError) {
        guard depth == 0 && !inString else {
            let at = capturing ? " (the record starting at byte \(captureOffset) is incomplete)" : ""
            throw AnomalyError(.invalidJSON, "JSON ends early at byte \(offset)\(at): truncated object")
        }
    }

    mutating func finish(
        chunk: [UInt8], from: Int, through i: Int, topLevel: Bool, emit: (Piece) throws(AnomalyError) -> Void
    ) throws(AnomalyError) {
        var bytes = capture
        bytes.append(contentsOf: chunk[max(from, 0)...i])
        capture = []
        capturing = false
        guard bytes.count <= maxRecordBytes else {
            throw AnomalyError(.tooLarge, "record at byte \(captureOffset) is longer than \(maxRecordBytes) bytes")
        }
        try emit(
            Piece(container: topLevel ? nil : container, bytes: bytes, offset: captureOffset, topKeys: topKeys))
    }

    func key(from start: Int, to end: Int, chunk: [UInt8], captureFrom: Int) -> String? {
        guard end >= start, end - start <= 256 else { return nil }
        var bytes: [UInt8] = []
        for p in start..<end {
            if p < capture.count {
                bytes.append(capture[p])
            } else {
                let index = captureFrom + (p - capture.count)
                guard index >= 0, index < chunk.count else { return nil }
                bytes.append(chunk[index])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The index of the next `"` at or after `from`, found with `memchr` (strings are most of a log's bytes).
    static func nextQuote(_ chunk: [UInt8], from: Int) -> Int? {
        chunk.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, from < buffer.count else { return nil }
            guard let hit = memchr(base + from, 0x22, buffer.count - from) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        }
    }

    static func describe(_ b: UInt8) -> String {
        b >= 0x20 && b < 0x7F ? "\"\(Character(UnicodeScalar(b)))\"" : "byte 0x\(String(b, radix: 16))"
    }
}
