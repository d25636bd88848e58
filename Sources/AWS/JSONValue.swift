import Foundation
import Model

/// Bridges the JSON protocol's bodies to `Model.Value` through Foundation's strict coders (no second JSON parser):
/// `true` never becomes `1`, numbers stay numbers, objects become `.object`.
struct JSONValue: Codable, Sendable {
    var value: Value

    init(_ value: Value) { self.value = value }

    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [Value] = []
            while !array.isAtEnd { items.append(try array.decode(JSONValue.self).value) }
            value = .list(items)
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var members: [String: Value] = [:]
            for key in object.allKeys { members[key.stringValue] = try object.decode(JSONValue.self, forKey: key).value }
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

    func encode(to encoder: any Encoder) throws {
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
            for item in items { try array.encode(JSONValue(item)) }
        case .map(let members), .object(let members):
            var object = encoder.container(keyedBy: AnyKey.self)
            for (key, member) in members { try object.encode(JSONValue(member), forKey: AnyKey(stringValue: key)) }
        }
    }

    /// Decodes a JSON document into a `Value`; an empty body is an empty object (some calls answer nothing).
    static func decode(_ data: Data) throws -> Value {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 }) { return .object([:]) }
        return try JSONDecoder().decode(JSONValue.self, from: data).value
    }

    /// Encodes a `Value` as compact JSON with sorted keys (stable bodies, stable signatures in tests).
    static func encode(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(JSONValue(value))
    }
}

/// A coding key for arbitrary object members.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
