import Foundation
import Model

/// JSON request and response bodies of the cloud APIs (AWS's json protocol, Azure Resource Manager) as
/// `Model.Value`, through Foundation's strict coders: `true` never becomes `1`, numbers stay numbers, objects
/// become `.object`, arrays `.list`.
public enum JSONBody {
    /// Decodes a JSON document; throws on anything that is not JSON (an empty body included).
    public static func decode(_ data: Data) throws -> Value {
        try JSONDecoder().decode(JSONValue.self, from: data).value
    }

    /// True for a body of nothing but whitespace (some AWS calls answer nothing).
    public static func isBlank(_ data: Data) -> Bool {
        data.allSatisfy { $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 }
    }

    /// Encodes a `Value` as compact JSON with sorted keys (stable bodies, stable signatures in tests).
    public static func encode(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(JSONValue(value))
    }
}

/// The Codable bridge between JSON and `Value`.
private struct JSONValue: Codable, Sendable {
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
}

/// A coding key for arbitrary object members.
private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
