import CloudHTTP
import Foundation
import Model

/// JSON text for call bodies through CloudHTTP's one codec (sorted keys), so plans are stable and hash the same.
enum LiveJSON {
    static func text(_ value: Value) throws(LiveRemediationError) -> String {
        do {
            return String(decoding: try JSONBody.encode(value), as: UTF8.self)
        } catch {
            throw LiveRemediationError(.invalidPlan, "body cannot be encoded as JSON", underlying: error)
        }
    }

    static func value(_ text: String?, api: String) throws(LiveRemediationError) -> Value {
        guard let text, !text.isEmpty else { return .object([:]) }
        do {
            return try JSONBody.decode(Data(text.utf8))
        } catch {
            throw LiveRemediationError(.invalidPlan, "call body is not JSON", api: api, underlying: error)
        }
    }
}
