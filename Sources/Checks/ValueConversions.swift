import Model

/// Terraform's implicit conversions between primitive types, used by every comparison so that a check
/// written with `value: true` or `value: 443` matches `"true"` or `"443"` in configuration.
public enum ValueConversions {
    /// The string form Terraform would convert a primitive to; nil for collections, null and unknown.
    public static func string(_ value: Value) -> String? {
        switch value {
        case .string(let s): return s
        case .number(let n): return Value.formatNumber(n)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// The number a primitive converts to; nil when it does not convert.
    public static func number(_ value: Value) -> Double? {
        switch value {
        case .number(let n): return n
        case .string(let s):
            let trimmed = s.trimmingWhitespace()
            guard !trimmed.isEmpty else { return nil }
            return Double(trimmed)
        default: return nil
        }
    }

    /// The bool a primitive converts to (`"true"`/`"false"` only, as in Terraform); nil otherwise.
    static func bool(_ value: Value) -> Bool? {
        switch value {
        case .bool(let b): return b
        case .string(let s):
            if s == "true" { return true }
            if s == "false" { return false }
            return nil
        default: return nil
        }
    }

    /// Three-valued equality of an attribute value with an expected value, converting primitives the way
    /// Terraform does for the expected value's type, and comparing collections element by element.
    static func equals(_ actual: Value, _ expected: Value) -> Truth {
        if case .unknown = actual { return .unknown }
        if case .unknown = expected { return .unknown }
        switch expected {
        case .null:
            return Truth(actual.isNull)
        case .bool(let b):
            return Truth(bool(actual) == b)
        case .number(let n):
            return Truth(number(actual) == n)
        case .string(let s):
            switch actual {
            case .string(let a): return Truth(a == s)
            case .number(let a): return Truth(Double(s) == a || Value.formatNumber(a) == s)
            case .bool(let a): return Truth((a ? "true" : "false") == s)
            default: return .false
            }
        case .list(let e), .tuple(let e), .set(let e):
            guard let a = actual.elements else { return .false }
            guard a.count == e.count else { return .false }
            if case .set = expected { return setEquals(a, e) }
            if case .set = actual { return setEquals(a, e) }
            var result = Truth.true
            for (x, y) in zip(a, e) {
                result = result && equals(x, y)
                if result == .false { return .false }
            }
            return result
        case .map(let e), .object(let e):
            guard let a = actual.members else { return .false }
            guard a.count == e.count else { return .false }
            var result = Truth.true
            for (key, y) in e {
                guard let x = a[key] else { return .false }
                result = result && equals(x, y)
                if result == .false { return .false }
            }
            return result
        case .unknown:
            return .unknown
        }
    }

    /// Sets compare without order: every expected element must equal some actual element.
    private static func setEquals(_ actual: [Value], _ expected: [Value]) -> Truth {
        var result = Truth.true
        for y in expected {
            var found = Truth.false
            for x in actual {
                found = found || equals(x, y)
                if found == .true { break }
            }
            result = result && found
            if result == .false { return .false }
        }
        return result
    }

    /// Three-valued membership: does `value` equal any of `candidates`?
    static func isMember(_ value: Value, of candidates: [Value]) -> Truth {
        var result = Truth.false
        for candidate in candidates {
            result = result || equals(value, candidate)
            if result == .true { return .true }
        }
        return result
    }

    /// The elements to treat as a collection: a list/tuple/set's elements, or a lone primitive as one element.
    static func asCollection(_ value: Value) -> [Value] {
        if let items = value.elements { return items }
        return [value]
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (no Foundation needed).
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
