/// A value in Terraform's type system, with `unknown` as a first-class member.
///
/// Collections keep Terraform's distinctions (list vs tuple, map vs object, set) because functions
/// such as `tolist`, `merge` and `jsonencode` behave differently on each. Numbers are `Double`:
/// Terraform uses arbitrary precision, but real configurations never need more than 53 bits.
public indirect enum Value: Hashable, Sendable {
    case null
    /// A value that will only be known after apply (a computed attribute, a data source, a variable without value).
    case unknown
    case bool(Bool)
    case number(Double)
    case string(String)
    case list([Value])
    case tuple([Value])
    /// Elements are unique and kept in canonical order; build with `Value.set(from:)`.
    case set([Value])
    case map([String: Value])
    case object([String: Value])

    /// A set value: duplicates removed, elements in Terraform's canonical order.
    public static func set(from elements: [Value]) -> Value {
        var seen = Set<Value>()
        var unique: [Value] = []
        unique.reserveCapacity(elements.count)
        for element in elements where seen.insert(element).inserted {
            unique.append(element)
        }
        unique.sort(by: Value.canonicalOrder)
        return .set(unique)
    }

    /// Terraform's order for set elements: numbers numerically, strings lexically, everything else by description.
    public static func canonicalOrder(_ lhs: Value, _ rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case let (.number(a), .number(b)): return a < b
        case let (.string(a), .string(b)): return a < b
        case let (.bool(a), .bool(b)): return !a && b
        default: return lhs.description < rhs.description
        }
    }

    /// True unless this value itself is unknown (elements may still be unknown).
    public var isKnown: Bool {
        if case .unknown = self { return false }
        return true
    }

    /// True when no part of the value, at any depth, is unknown.
    public var isWhollyKnown: Bool {
        switch self {
        case .unknown: return false
        case .null, .bool, .number, .string: return true
        case .list(let items), .tuple(let items), .set(let items): return items.allSatisfy(\.isWhollyKnown)
        case .map(let items), .object(let items): return items.values.allSatisfy(\.isWhollyKnown)
        }
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The elements of a list, tuple or set; nil for anything else.
    public var elements: [Value]? {
        switch self {
        case .list(let items), .tuple(let items), .set(let items): return items
        default: return nil
        }
    }

    /// The members of a map or object; nil for anything else.
    public var members: [String: Value]? {
        switch self {
        case .map(let items), .object(let items): return items
        default: return nil
        }
    }

    /// The string payload, if this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The number payload, if this is a number.
    public var numberValue: Double? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// The bool payload, if this is a bool.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// Member or element lookup that tolerates the wrong shape (returns nil).
    public subscript(key: String) -> Value? {
        members?[key]
    }

    /// Element lookup that tolerates the wrong shape or an out-of-range index (returns nil).
    public subscript(index: Int) -> Value? {
        guard let items = elements, index >= 0, index < items.count else { return nil }
        return items[index]
    }

    /// A short name of the value's kind, for error messages ("string", "list of 3", …).
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .unknown: return "unknown"
        case .bool: return "bool"
        case .number: return "number"
        case .string: return "string"
        case .list: return "list"
        case .tuple: return "tuple"
        case .set: return "set"
        case .map: return "map"
        case .object: return "object"
        }
    }
}

extension Value: CustomStringConvertible {
    /// An HCL-like rendering, stable across runs (keys sorted), used in messages and set ordering.
    public var description: String {
        switch self {
        case .null: return "null"
        case .unknown: return "(known after apply)"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return Value.formatNumber(n)
        case .string(let s): return Value.quote(s)
        case .list(let items), .tuple(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .set(let items): return "toset([" + items.map(\.description).joined(separator: ", ") + "])"
        case .map(let items), .object(let items):
            let body = items.keys.sorted().map { "\(Value.quote($0)) = \(items[$0]!.description)" }
            return "{" + body.joined(separator: ", ") + "}"
        }
    }

    /// Terraform's rendering of a number as a string: integers without a fraction, others in plain decimal.
    ///
    /// Terraform computes with 512-bit floats, so `0.1 + 0.2` prints as `0.3`; with doubles the same sum is
    /// 0.30000000000000004. Rounding non-integers to 15 significant digits (all a double carries reliably)
    /// gives Terraform's text for every value written with 15 digits or fewer.
    public static func formatNumber(_ n: Double) -> String {
        if n.isNaN { return "NaN" }
        if n.isInfinite { return n < 0 ? "-Inf" : "+Inf" }
        if n == n.rounded(), abs(n) < 1e15 {
            return String(Int64(n))
        }
        var (digits, point) = decimalDigits(abs(n))
        if n != n.rounded() && digits.count > 15 {
            (digits, point) = round(digits, point, toSignificant: 15)
        }
        return (n < 0 ? "-" : "") + render(digits, point)
    }

    /// The shortest round-trip digits of `x` (no leading zeros) and where the decimal point goes.
    private static func decimalDigits(_ x: Double) -> ([UInt8], Int) {
        let text = "\(x)"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts.first.map(String.init) ?? "0"
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = Array((whole + fraction).utf8).map { $0 - UInt8(ascii: "0") }
        var point = whole.count + exponent
        while digits.count > 1, digits.first == 0 {
            digits.removeFirst()
            point -= 1
        }
        while digits.count > 1, digits.last == 0 { digits.removeLast() }
        return (digits, point)
    }

    private static func round(_ digits: [UInt8], _ point: Int, toSignificant count: Int) -> ([UInt8], Int) {
        var kept = Array(digits.prefix(count))
        var point = point
        if digits[count] >= 5 {
            var i = kept.count - 1
            while i >= 0 {
                if kept[i] == 9 {
                    kept[i] = 0
                    i -= 1
                } else {
                    kept[i] += 1
                    break
                }
            }
            if i < 0 {
                kept.insert(1, at: 0)
                point += 1
            }
        }
        while kept.count > 1, kept.last == 0 { kept.removeLast() }
        return (kept, point)
    }

    /// Plain decimal text, never an exponent, because Terraform never prints one.
    private static func render(_ digits: [UInt8], _ point: Int) -> String {
        let chars = digits.map { Character(Unicode.Scalar($0 + UInt8(ascii: "0"))) }
        if point <= 0 {
            return "0." + String(repeating: "0", count: -point) + String(chars)
        }
        if point >= chars.count {
            return String(chars) + String(repeating: "0", count: point - chars.count)
        }
        return String(chars[..<point]) + "." + String(chars[point...])
    }

    /// A double-quoted string with HCL escapes.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
