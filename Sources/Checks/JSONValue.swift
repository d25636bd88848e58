import Foundation
import Model

/// Parses JSON text (an IAM policy string) into a `Value`, keeping bools distinct from numbers.
enum JSONValue {
    /// The parsed value, or nil when `text` is not valid JSON.
    static func parse(_ text: String) -> Value? {
        guard let data = text.data(using: .utf8) else { return nil }
        return try? JSONDecoder().decode(Node.self, from: data).value
    }

    private struct Node: Decodable {
        let value: Value

        init(from decoder: Decoder) throws {
            if var array = try? decoder.unkeyedContainer() {
                var items: [Value] = []
                while !array.isAtEnd { items.append(try array.decode(Node.self).value) }
                value = .tuple(items)
                return
            }
            if let object = try? decoder.container(keyedBy: Key.self) {
                var members: [String: Value] = [:]
                for key in object.allKeys { members[key.stringValue] = try object.decode(Node.self, forKey: key).value }
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
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
