import Model

/// A JSON value with the source range it was read from; object members keep order and duplicates
/// because HCL's JSON syntax gives both a meaning.
public struct JSONNode: Sendable {
    public indirect enum Kind: Sendable {
        case null
        case bool(Bool)
        /// The number and its literal text (kept so callers can tell `1` from `1.0` or keep big integers).
        case number(Double, text: String)
        case string(String)
        case array([JSONNode])
        case object([JSONMember])
    }

    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The plain value: arrays become tuples, objects become objects (a later duplicate key wins).
    public var value: Value {
        switch kind {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n, _): return .number(n)
        case .string(let s): return .string(s)
        case .array(let items): return .tuple(items.map(\.value))
        case .object(let members):
            var out: [String: Value] = [:]
            out.reserveCapacity(members.count)
            for m in members { out[m.key] = m.value.value }
            return .object(out)
        }
    }

    /// The first member named `key` of an object; nil otherwise.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The string payload, if this is a string.
    public var stringValue: String? {
        if case .string(let s) = kind { return s }
        return nil
    }

    /// The members, if this is an object.
    public var objectMembers: [JSONMember]? {
        if case .object(let m) = kind { return m }
        return nil
    }

    /// The items, if this is an array.
    public var arrayItems: [JSONNode]? {
        if case .array(let a) = kind { return a }
        return nil
    }

    /// A short name of the JSON kind, for messages.
    public var kindName: String {
        switch kind {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

/// `"key": value` inside a JSON object.
public struct JSONMember: Sendable {
    public var key: String
    public var keyRange: SourceRange
    public var value: JSONNode

    public init(key: String, keyRange: SourceRange, value: JSONNode) {
        self.key = key
        self.keyRange = keyRange
        self.value = value
    }
}
