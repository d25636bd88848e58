import HCL
import Model

/// Writes values as JSON the way Terraform's plan does: unknowns are `null` in the value tree and `true`
/// in a parallel "unknown" tree, so a consumer can never mistake an unknown for a concrete value.
enum ValueJSON {
    /// Compact JSON with sorted keys; unknowns (and non-finite numbers) are written as `null`.
    static func write(_ v: Value, into out: inout String) {
        out += JSONEncoding.encode(v)
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
        JSONEncoding.appendString(s, to: &out)
    }
}
