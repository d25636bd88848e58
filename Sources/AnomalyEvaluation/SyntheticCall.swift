import Anomaly
import Foundation
import Model

/// One API call made up by the harness, before it is written as a CloudTrail record.
struct SyntheticCall: Sendable {
    var time: Double
    /// Index into the cast, or -1 for the account root.
    var persona: Int
    var action: String
    var service: String
    var region: String
    var ip: String
    var agent: String
    var readOnly: Bool
    var errorCode: String? = nil
    /// Request parameters as CloudTrail nests them (`Model.Value`, written as JSON).
    var request: [String: Value] = [:]
    var mfa = true
    var console = false
    /// The Azure resource ID acted on; nil for a placeholder under the call's provider.
    var resource: String? = nil

    /// A `Value` as a Foundation object for `JSONSerialization` (unknown becomes null: the harness has none).
    static func foundation(_ value: Value) -> Any {
        switch value {
        case .null, .unknown: return NSNull()
        case .bool(let b): return b
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? Int(n) as Any : n
        case .string(let s): return s
        case .list(let a), .tuple(let a), .set(let a): return a.map(foundation)
        case .map(let o), .object(let o): return o.mapValues(foundation)
        }
    }
}
