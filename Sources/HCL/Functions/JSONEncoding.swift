import Model

/// Terraform's JSON rendering of values (cty json.Marshal over Go's encoding/json string escaping).
public enum JSONEncoding {
    /// Compact JSON: object keys sorted, sets and tuples as arrays, numbers as Terraform prints them.
    /// Callers must ensure the value is wholly known.
    public static func encode(_ value: Value) -> String {
        var out = ""
        append(value, to: &out)
        return out
    }

    private static func append(_ value: Value, to out: inout String) {
        switch value {
        case .null, .unknown: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        // JSON has no infinities; Terraform refuses to encode them, we write null rather than invalid JSON.
        case .number(let n): out += n.isFinite ? Value.formatNumber(n) : "null"
        case .string(let s): appendString(s, to: &out)
        case .list(let items), .tuple(let items), .set(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                append(item, to: &out)
            }
            out += "]"
        case .map(let members), .object(let members):
            out += "{"
            for (i, key) in members.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                appendString(key, to: &out)
                out += ":"
                append(members[key] ?? .null, to: &out)
            }
            out += "}"
        }
    }

    /// Go's encoding/json string escaping with HTML escaping on (`<`, `>`, `&`, U+2028, U+2029).
    public static func appendString(_ s: String, to out: inout String) {
        JSONStringEscaping.go.append(s, to: &out)
    }
}
