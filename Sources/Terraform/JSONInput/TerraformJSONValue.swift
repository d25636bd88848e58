import HCL
import Model

/// Conversion of Terraform's JSON value representation into `Value`, and the `after_unknown` overlay.
enum TerraformJSONValue {
    /// The value of a JSON node: arrays become lists (nested blocks are lists of objects, as in the
    /// iac model), objects become objects. Without the provider schema, list/set/tuple cannot be told apart.
    static func value(_ node: JSONNode) -> Value {
        switch node.kind {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n, _): return .number(n)
        case .string(let s): return .string(s)
        case .array(let items):
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(value(item)) }
            return .list(out)
        case .object(let members):
            var out: [String: Value] = [:]
            out.reserveCapacity(members.count)
            for member in members { out[member.key] = value(member.value) }
            return .object(out)
        }
    }

    /// The members of an object node as values (a later duplicate key wins).
    static func members(_ members: [JSONMember]) -> [String: Value] {
        var out: [String: Value] = [:]
        out.reserveCapacity(members.count)
        for member in members { out[member.key] = value(member.value) }
        return out
    }

    /// `value` with every `true` leaf of the parallel `unknown` tree (Terraform's `after_unknown`)
    /// replaced by `.unknown`, adding members and elements the plan omitted because they are unknown.
    /// Returns nil when `unknown` holds no `true` leaf, meaning "keep `value` as it is".
    ///
    /// One pass over the unknown tree, so the whole plan stays linear.
    static func overlayUnknown(_ value: Value?, _ unknown: JSONNode) -> Value? {
        switch unknown.kind {
        case .bool(true):
            return .unknown
        case .object(let members):
            var out: [String: Value] = value?.members ?? [:]
            var changed = false
            for member in members {
                if let merged = overlayUnknown(out[member.key], member.value) {
                    out[member.key] = merged
                    changed = true
                }
            }
            guard changed else { return nil }
            if case .map = value { return .map(out) }
            return .object(out)
        case .array(let items):
            var out: [Value] = value?.elements ?? []
            var changed = false
            for (i, item) in items.enumerated() {
                let existing: Value? = i < out.count ? out[i] : nil
                guard let merged = overlayUnknown(existing, item) else { continue }
                while out.count <= i { out.append(.null) }
                out[i] = merged
                changed = true
            }
            guard changed else { return nil }
            if case .tuple = value { return .tuple(out) }
            return .list(out)
        default:
            return nil
        }
    }

    /// `value` with the unknown overlay applied (or unchanged when nothing is unknown).
    static func applyingUnknown(_ value: Value?, _ unknown: JSONNode?) -> Value? {
        guard let unknown else { return value }
        return overlayUnknown(value, unknown) ?? value
    }
}
