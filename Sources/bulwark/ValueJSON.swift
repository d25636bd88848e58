import Model

/// Writes values as JSON the way Terraform's plan does: unknowns are `null` in the value tree and `true`
/// in a parallel "unknown" tree, so a consumer can never mistake an unknown for a concrete value.
enum ValueJSON {
    static func write(_ v: Value, into out: inout String) {
        switch v {
        case .null, .unknown: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.isFinite ? Value.formatNumber(n) : "null"
        case .string(let s): writeString(s, into: &out)
        case .list(let xs), .tuple(let xs), .set(let xs):
            out += "["
            for (i, x) in xs.enumerated() {
                if i > 0 { out += "," }
                write(x, into: &out)
            }
            out += "]"
        case .map(let m), .object(let m):
            out += "{"
            for (i, k) in m.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                writeString(k, into: &out)
                out += ":"
                write(m[k] ?? .null, into: &out)
            }
            out += "}"
        }
    }

    /// The parallel tree: `true` where unknown, omitted where known; nil when nothing inside is unknown.
    static func unknownTree(_ v: Value) -> Value? {
        switch v {
        case .unknown: return .bool(true)
        case .list(let xs), .tuple(let xs), .set(let xs):
            let inner = xs.map { unknownTree($0) ?? .bool(false) }
            return inner.contains { $0 != .bool(false) } ? .tuple(inner) : nil
        case .map(let m), .object(let m):
            var inner: [String: Value] = [:]
            for (k, x) in m { if let u = unknownTree(x) { inner[k] = u } }
            return inner.isEmpty ? nil : .object(inner)
        default: return nil
        }
    }

    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
