import Foundation
import Model

/// JSON request and response bodies of the cloud APIs (AWS's json protocol, Azure Resource Manager) as
/// `Model.Value`, through Foundation's strict coders: `true` never becomes `1`, numbers stay numbers, objects
/// become `.object`, arrays `.list`.
public enum JSONBody {
    /// Decodes a JSON document; throws on anything that is not JSON (an empty body included).
    public static func decode(_ data: Data) throws -> Value {
        try JSONDecoder().decode(CodableValue.self, from: data).value
    }

    /// True for a body of nothing but whitespace (some AWS calls answer nothing).
    public static func isBlank(_ data: Data) -> Bool {
        data.allSatisfy { $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 }
    }

    /// Encodes a `Value` as compact JSON with sorted keys (stable bodies, stable signatures in tests).
    public static func encode(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(CodableValue(value))
    }
}
