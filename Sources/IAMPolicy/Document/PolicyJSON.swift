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
            return try JSONDecoder().decode(CodableValue.self, from: Data(source.utf8)).value
        } catch {
            throw PolicyParseError(.invalidJSON, at: "policy", "policy is not valid JSON", underlying: error)
        }
    }
}
