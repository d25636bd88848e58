import Foundation
import Hummingbird
import Model

/// Compact JSON written straight into bytes, with the exact output of `JSONBody.encoder` (sorted snake_case keys,
/// ISO 8601 dates, unescaped slashes, absent optionals left out), for the responses whose size made the generic
/// encoder the main per-request cost. Callers write members in sorted key order; tests hold both outputs equal.
struct JSONText {
    private(set) var bytes: [UInt8] = []
    /// Whether the next member or element needs a separating comma.
    private var needsComma = false

    /// An empty text with room for about `capacity` bytes.
    init(capacity: Int = 1_024) {
        bytes.reserveCapacity(capacity)
    }

    /// The text as a 200-or-other JSON response, with the headers `JSONBody.response` sets.
    func response(status: HTTPResponse.Status = .ok) -> Response {
        Self.response(bytes, status: status)
    }

    /// `bytes` of JSON as a response with the headers `JSONBody.response` sets.
    static func response(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    mutating func openObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func closeObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func openArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func closeArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// A member's key (already snake_case and plain ASCII); its value follows.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        needsComma = false
    }

    mutating func string(_ value: String) {
        separate()
        Self.escape(value, into: &bytes)
        needsComma = true
    }

    mutating func int<I: BinaryInteger>(_ value: I) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    /// A number as the encoder writes it: its shortest round-trip digits, without a trailing `.0`.
    mutating func double(_ value: Double) {
        separate()
        var text = value.description
        if text.contains("e") || !value.isFinite {
            // Exponents and non-finite values are rare here; the encoder itself decides how they look.
            text = (try? JSONBody.encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
        } else if text.hasSuffix(".0") {
            text.removeLast(2)
        }
        bytes.append(contentsOf: text.utf8)
        needsComma = true
    }

    mutating func date(_ value: Date) {
        string(value.formatted(.iso8601))
    }

    /// `"key":value` for a present string; nothing for an absent one.
    mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func member<I: BinaryInteger>(_ name: StaticString, _ value: I?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    mutating func member(_ name: StaticString, _ value: Date?) {
        guard let value else { return }
        key(name)
        date(value)
    }

    mutating func member(_ name: StaticString, _ values: [String]) {
        key(name)
        openArray()
        for value in values { string(value) }
        closeArray()
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    /// `value` quoted, escaped as the encoder escapes: `"`, `\`, and control characters (named ones by name,
    /// the others as lowercase `\u00xx`); everything else, slashes and non-ASCII included, as it is.
    static func escape(_ value: String, into out: inout [UInt8]) {
        JSONStringEscaping.foundation.append(value, to: &out)
    }
}
