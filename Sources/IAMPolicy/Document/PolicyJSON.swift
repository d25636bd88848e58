import Foundation
import Model

/// Policy text to a `Value`: JSON as IAM stores it, also percent-encoded as IAM's read APIs return it.
enum PolicyJSON {
    /// The document the text holds; throws `invalidJSON` with the decoder's error.
    static func parse(_ text: String) throws(PolicyParseError) -> Value {
        var source = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // GetPolicyVersion and GetRolePolicy return the document URL-encoded.
        if source.hasPrefix("%7B") || source.hasPrefix("%7b"), let decoded = source.removingPercentEncoding {
            source = decoded
        }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(source.utf8)).value
        } catch {
            throw PolicyParseError(.invalidJSON, at: "policy", "policy is not valid JSON", underlying: error)
        }
    }
}

/// A JSON value decoded into the shared `Value` vocabulary.
private struct JSONValue: Decodable {
    let value: Value

    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [Value] = []
            while !array.isAtEnd { items.append(try array.decode(JSONValue.self).value) }
            value = .tuple(items)
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
}

/// Any object key.
private struct AnyKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
