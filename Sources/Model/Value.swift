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

    /// Terraform's rendering of a number as a string: integers without a fraction, others in shortest form.
    public static func formatNumber(_ n: Double) -> String {
        if n.isNaN { return "NaN" }
        if n.isInfinite { return n < 0 ? "-Inf" : "+Inf" }
        if n == n.rounded(), abs(n) < 1e15 {
            return String(Int64(n))
        }
        let text = "\(n)"
        guard let eIndex = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        return expandExponent(mantissa: String(text[..<eIndex]), exponent: Int(text[text.index(after: eIndex)...]) ?? 0)
    }

    /// Rewrites `1.5e+20` as `150000000000000000000` because Terraform never prints exponents.
    private static func expandExponent(mantissa: String, exponent: Int) -> String {
        var digits = mantissa
        var negative = false
        if digits.hasPrefix("-") { negative = true; digits.removeFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = String(parts[0])
        let fracPart = parts.count > 1 ? String(parts[1]) : ""
        var all = intPart + fracPart
        var point = intPart.count + exponent
        if point <= 0 {
            all = String(repeating: "0", count: -point + 1) + all
            point = 1
        } else if point > all.count {
            all += String(repeating: "0", count: point - all.count)
        }
        var result = String(all.prefix(point))
        var frac = String(all.dropFirst(point))
        while frac.hasSuffix("0") { frac.removeLast() }
        while result.count > 1 && result.hasPrefix("0") { result.removeFirst() }
        if !frac.isEmpty { result += "." + frac }
        return (negative ? "-" : "") + result
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
