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
    /// Request parameters as CloudTrail nests them (JSON-compatible values only).
    var request: [String: JSONValue] = [:]
    var mfa = true
    var console = false
}

/// The JSON values the harness writes (Sendable, unlike Foundation's `Any`).
indirect enum JSONValue: Sendable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The Foundation object for `JSONSerialization`.
    var foundation: Any {
        switch self {
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b
        case .array(let a): return a.map(\.foundation)
        case .object(let o): return o.mapValues(\.foundation)
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    init(stringLiteral value: String) { self = .string(value) }
}
