import Model

/// Terraform's automatic value conversion (go-cty's `convert` package, unsafe mode as HCL uses it).
public enum Conversion {
    /// Terraform's automatic conversion (cty convert): number<->string, bool<->string ("true"/"false"), tuple->list/set, object->map, list->set etc.; unknown stays unknown; null converts to null; object attrs missing+optional get defaults; error says what was expected.
    public static func convert(_ value: Value, to type: TypeConstraint) throws(FunctionError) -> Value {
        try convert(value, to: type, path: "")
    }

    /// Converts to a string; the result is `.string`, `.unknown` or `.null`.
    public static func toString(_ value: Value) throws(FunctionError) -> Value {
        try convert(value, to: .string)
    }

    /// Converts to a number; the result is `.number`, `.unknown` or `.null`.
    public static func toNumber(_ value: Value) throws(FunctionError) -> Value {
        try convert(value, to: .number)
    }

    /// Converts to a bool; the result is `.bool`, `.unknown` or `.null`.
    public static func toBool(_ value: Value) throws(FunctionError) -> Value {
        try convert(value, to: .bool)
    }

    /// Converts values to the one type they can all take, as cty's unification does for conditional results
    /// (`true ? 1 : "a"` is `"1"`), `list(any)` and `tolist`; throws when no common type exists.
    public static func unify(_ values: [Value]) throws(FunctionError) -> [Value] {
        guard let common = Unification.unify(values.map(TypeConstraint.implied(by:))) else {
            throw FunctionError("the values have no common type")
        }
        var out: [Value] = []
        out.reserveCapacity(values.count)
        for value in values { out.append(try convert(value, to: common)) }
        return out
    }

    /// Parses a string as cty does for string-to-number conversion (decimal, optional sign and exponent).
    static func parseNumber(_ text: String) -> Double? {
        guard !text.isEmpty else { return nil }
        var sawDigit = false
        var index = text.utf8.startIndex
        let bytes = text.utf8
        if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index = bytes.index(after: index) }
        var seenPoint = false
        var seenExponent = false
        while index < bytes.endIndex {
            let b = bytes[index]
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "."):
                if seenPoint || seenExponent { return nil }
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                if seenExponent || !sawDigit { return nil }
                seenExponent = true
                let next = bytes.index(after: index)
                if next < bytes.endIndex, bytes[next] == UInt8(ascii: "+") || bytes[next] == UInt8(ascii: "-") {
                    index = next
                }
                let after = bytes.index(after: index)
                guard after < bytes.endIndex else { return nil }
            default: return nil
            }
            index = bytes.index(after: index)
        }
        guard sawDigit, let number = Double(text), number.isFinite else { return nil }
        return number
    }

    private static func failure(_ message: String, _ path: String) -> FunctionError {
        FunctionError(path.isEmpty ? message : "\(path): \(message)")
    }

    private static func convert(_ value: Value, to type: TypeConstraint, path: String) throws(FunctionError) -> Value {
        switch value {
        case .unknown, .null: return value
        default: break
        }
        switch type {
        case .any:
            return value
        case .string:
            switch value {
            case .string: return value
            case .number(let n): return .string(Value.formatNumber(n))
            case .bool(let b): return .string(b ? "true" : "false")
            default: throw failure("string required", path)
            }
        case .number:
            switch value {
            case .number: return value
            case .string(let s):
                guard let n = parseNumber(s) else { throw failure("a number is required", path) }
                return .number(n)
            case .bool: throw failure("number required", path)
            default: throw failure("number required", path)
            }
        case .bool:
            switch value {
            case .bool: return value
            case .string(let s):
                switch s {
                case "true", "1": return .bool(true)
                case "false", "0": return .bool(false)
                default:
                    switch s.lowercased() {
                    case "true": throw failure("a bool is required; to convert from string, use lowercase \"true\"", path)
                    case "false": throw failure("a bool is required; to convert from string, use lowercase \"false\"", path)
                    default: throw failure("a bool is required", path)
                    }
                }
            default: throw failure("bool required", path)
            }
        case .list(let element), .set(let element):
            let isSet: Bool
            if case .set = type { isSet = true } else { isSet = false }
            guard let items = value.elements else { throw failure("\(type.friendlyName) required", path) }
            let converted = try convertElements(items, to: element, path: path)
            return isSet ? Value.set(from: converted) : .list(converted)
        case .map(let element):
            guard let members = value.members else { throw failure("\(type.friendlyName) required", path) }
            let keys = members.keys.sorted()
            let values = try convertElements(keys.map { members[$0] ?? .null }, to: element, path: path, keys: keys)
            var out: [String: Value] = [:]
            out.reserveCapacity(keys.count)
            for (key, item) in zip(keys, values) { out[key] = item }
            return .map(out)
        case .tuple(let types):
            guard let items = value.elements else { throw failure("tuple required", path) }
            if case .set = value { throw failure("tuple required", path) }
            guard items.count == types.count else {
                throw failure("tuple required with \(types.count) element\(types.count == 1 ? "" : "s")", path)
            }
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                out.append(try convert(item, to: types[i], path: elementPath(path, i)))
            }
            return .tuple(out)
        case .object(let attributes, let optional):
            guard let members = value.members else { throw failure("object required", path) }
            var out: [String: Value] = [:]
            out.reserveCapacity(attributes.count)
            for name in attributes.keys.sorted() {
                guard let attributeType = attributes[name] else { continue }
                let given = members[name]
                if let isOptional = optional[name] {
                    // A missing or null optional attribute takes its default (Terraform's typeexpr.Defaults).
                    if given == nil || given == .null {
                        let fallback = isOptional ?? .null
                        out[name] = try convert(fallback, to: attributeType, path: attributePath(path, name))
                        continue
                    }
                }
                guard let given else { throw failure("attribute \"\(name)\" is required", path) }
                out[name] = try convert(given, to: attributeType, path: attributePath(path, name))
            }
            return .object(out)
        }
    }

    private static func elementPath(_ path: String, _ index: Int) -> String {
        path.isEmpty ? "element \(index)" : "\(path), element \(index)"
    }

    private static func attributePath(_ path: String, _ name: String) -> String {
        path.isEmpty ? "attribute \"\(name)\"" : "\(path), attribute \"\(name)\""
    }

    /// Converts collection elements; with `any` as element type the elements are first unified to one type.
    private static func convertElements(
        _ items: [Value], to element: TypeConstraint, path: String, keys: [String]? = nil
    ) throws(FunctionError) -> [Value] {
        var target = element
        if element.containsAny {
            guard let unified = Unification.unify(items.map(TypeConstraint.implied(by:))) else {
                let kind = keys == nil ? "list" : "map"
                throw failure("all \(kind) elements must have the same type", path)
            }
            target = Unification.merge(element, with: unified)
        }
        var out: [Value] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            let itemPath =
                keys.map { path.isEmpty ? "element \(Value.quote($0[i]))" : "\(path), element \(Value.quote($0[i]))" }
                ?? elementPath(path, i)
            out.append(try convert(item, to: target, path: itemPath))
        }
        return out
    }
}

extension TypeConstraint {
    /// True when `any` appears anywhere, meaning the concrete type is decided by the value.
    var containsAny: Bool {
        switch self {
        case .any: return true
        case .string, .number, .bool: return false
        case .list(let e), .set(let e), .map(let e): return e.containsAny
        case .tuple(let types): return types.contains { $0.containsAny }
        case .object(let attributes, _): return attributes.values.contains { $0.containsAny }
        }
    }
}
