import Foundation
import Model

/// Decodes ARM bodies into `Model.Value` with Foundation's strict decoder: booleans stay booleans (never 1/0),
/// objects become `.object`, arrays `.list`. Depth is bounded by the decoder itself.
enum ARMJSON {
    /// Parses `data`; throws the decoder's error on anything that is not JSON.
    static func parse(_ data: Data) throws -> Value {
        try JSONDecoder().decode(Node.self, from: data).value
    }

    private struct Node: Decodable {
        let value: Value

        init(from decoder: any Decoder) throws {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                value = .null
            } else if let flag = try? single.decode(Bool.self) {
                value = .bool(flag)
            } else if let number = try? single.decode(Double.self) {
                value = .number(number)
            } else if let text = try? single.decode(String.self) {
                value = .string(text)
            } else if let items = try? single.decode([Node].self) {
                value = .list(items.map(\.value))
            } else {
                value = .object(try single.decode([String: Node].self).mapValues(\.value))
            }
        }
    }
}
