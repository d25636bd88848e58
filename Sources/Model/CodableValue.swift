/// The Codable bridge between JSON and `Value`, through Foundation's strict coders: `true` never becomes `1`,
/// numbers stay numbers, objects become `.object`, arrays `.list`; unknowns encode as `null`.
public struct CodableValue: Codable, Sendable {
    /// The bridged value.
    public var value: Value

    /// Wraps `value` for encoding.
    public init(_ value: Value) { self.value = value }

    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [Value] = []
            while !array.isAtEnd { items.append(try array.decode(CodableValue.self).value) }
            value = .list(items)
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var members: [String: Value] = [:]
            for key in object.allKeys { members[key.stringValue] = try object.decode(CodableValue.self, forKey: key).value }
            value = .object(members)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            value = .null
        } else if let b = try? single.decode(Bool.self) {
            value = .bool(b)
        } else if let n = try? single.decode(Double.self) {
            value = .number(n)
        } else {
            value = .string(try single.decode(String.self))
        }
    }

    /// Encodes the value; whole numbers below 10^15 as integers.
    public func encode(to encoder: any Encoder) throws {
        switch value {
        case .null, .unknown:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .bool(let b):
            var single = encoder.singleValueContainer()
            try single.encode(b)
        case .number(let n):
            var single = encoder.singleValueContainer()
            if n == n.rounded(), abs(n) < 1e15 { try single.encode(Int64(n)) } else { try single.encode(n) }
        case .string(let s):
            var single = encoder.singleValueContainer()
            try single.encode(s)
        case .list(let items), .tuple(let items), .set(let items):
            var array = encoder.unkeyedContainer()
            for item in items { try array.encode(CodableValue(item)) }
        case .map(let members), .object(let members):
            var object = encoder.container(keyedBy: AnyKey.self)
            for (key, member) in members { try object.encode(CodableValue(member), forKey: AnyKey(stringValue: key)) }
        }
    }
}

/// A coding key for arbitrary object members.
private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
