import Foundation
import Model

/// A JSON document built in code and written with keys in the order given, so output is byte-for-byte stable.
public indirect enum JSONOutput: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONOutput])
    /// Members in writing order; callers pass them already in the order the schema documents.
    case object([(String, JSONOutput)])

    public static func == (lhs: JSONOutput, rhs: JSONOutput) -> Bool { lhs.rendered() == rhs.rendered() }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    /// A string, or null when absent.
    public static func optional(_ s: String?) -> JSONOutput { s.map { .string($0) } ?? .null }
    /// An integer, or null when absent.
    public static func optional(_ i: Int?) -> JSONOutput { i.map { .int($0) } ?? .null }
    /// An array of strings.
    public static func strings(_ xs: [String]) -> JSONOutput { .array(xs.map { .string($0) }) }

    /// Pretty-printed with two-space indentation and a trailing newline.
    public func rendered() -> String {
        var out = ""
        write(into: &out, indent: 0)
        out += "\n"
        return out
    }

    func write(into out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += Self.format(d)
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let xs):
            if xs.isEmpty {
                out += "[]"
                return
            }
            out += "[\n"
            for (i, x) in xs.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                x.write(into: &out, indent: indent + 1)
                out += i == xs.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                Self.writeString(key, into: &out)
                out += ": "
                value.write(into: &out, indent: indent + 1)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    /// Finite numbers with at most three decimals (durations, scores); integers without a fraction.
    static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        var s = String(format: "%.3f", d)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// RFC 8259 string escaping; control characters as `\u00XX`.
    static func writeString(_ s: String, into out: inout String) {
        JSONStringEscaping.minimal.append(s, to: &out)
    }
}
