import Checks
import Model

/// Attribute-level comparison of a desired attribute tree with a live one.
///
/// Equal for drift purposes: null, `""`, `[]` and `{}` (providers and APIs disagree on "not set"); a
/// number or bool and its string form (state JSON and APIs disagree on scalar types); a one-element list of
/// blocks and the bare block. Sets, and attributes the rules call sets, are compared order-free. Unknown
/// values are never drift: they say nothing about the live object.
struct AttributeDiff {
    /// Attribute differences found: display path, desired value, live value.
    struct Difference {
        var path: String
        var desired: Value
        var live: Value
    }

    let rules: AttributeRules
    /// Extra per-attribute ignore (from `.bulwarkignore`): display path, index-free path.
    let ignoreAttribute: (String, String) -> Bool
    private(set) var differences: [Difference] = []

    init(rules: AttributeRules, ignoreAttribute: @escaping (String, String) -> Bool) {
        self.rules = rules
        self.ignoreAttribute = ignoreAttribute
    }

    /// Compares the top-level attributes both sides have: an attribute discovery did not read is not drift.
    mutating func compare(desired: [String: Value], live: [String: Value]) {
        for (name, desiredValue) in desired {
            guard let liveValue = live[name] else { continue }
            compare(desiredValue, liveValue, path: name, pattern: name)
        }
    }

    private mutating func compare(_ desired: Value, _ live: Value, path: String, pattern: String) {
        if rules.isIgnored(pattern) || ignoreAttribute(path, pattern) { return }
        if !desired.isKnown || !live.isKnown { return }
        let desiredEmpty = Self.isEmpty(desired)
        let liveEmpty = Self.isEmpty(live)
        if desiredEmpty && liveEmpty { return }
        if desiredEmpty != liveEmpty {
            record(desired, live, path)
            return
        }
        if Self.isSetValue(desired) || Self.isSetValue(live) || rules.isSet(pattern) {
            if Self.orderFreeForm(desired) != Self.orderFreeForm(live) { record(desired, live, path) }
            return
        }
        switch (desired, live) {
        case (.list(let d), .list(let l)), (.list(let d), .tuple(let l)), (.tuple(let d), .list(let l)),
            (.tuple(let d), .tuple(let l)):
            guard d.count == l.count else {
                record(desired, live, path)
                return
            }
            for i in d.indices { compare(d[i], l[i], path: "\(path)[\(i)]", pattern: pattern) }
        case (.list(let d), _) where d.count == 1 && live.members != nil:
            compare(d[0], live, path: "\(path)[0]", pattern: pattern)
        case (_, .list(let l)) where l.count == 1 && desired.members != nil:
            compare(desired, l[0], path: "\(path)[0]", pattern: pattern)
        default:
            if let d = desired.members, let l = live.members {
                for key in Set(d.keys).union(l.keys) {
                    compare(d[key] ?? .null, l[key] ?? .null, path: "\(path).\(key)", pattern: "\(pattern).\(key)")
                }
            } else if ValueConversions.string(desired) != ValueConversions.string(live) || ValueConversions.string(desired) == nil {
                record(desired, live, path)
            }
        }
    }

    private mutating func record(_ desired: Value, _ live: Value, _ path: String) {
        differences.append(Difference(path: path, desired: desired, live: live))
    }

    /// Null, empty string, empty collection.
    static func isEmpty(_ value: Value) -> Bool {
        switch value {
        case .null: return true
        case .string(let s): return s.isEmpty
        case .list(let items), .tuple(let items), .set(let items): return items.isEmpty
        case .map(let members), .object(let members): return members.isEmpty
        default: return false
        }
    }

    private static func isSetValue(_ value: Value) -> Bool {
        if case .set = value { return true }
        return false
    }

    /// A canonical rendering where element order does not count and empty members vanish.
    static func orderFreeForm(_ value: Value) -> String {
        switch value {
        case .null, .unknown: return "null"
        case .bool, .number, .string: return Value.quote(ValueConversions.string(value) ?? "")
        case .list(let items), .tuple(let items), .set(let items):
            return "[" + items.filter { !isEmpty($0) }.map(orderFreeForm).sorted().joined(separator: ",") + "]"
        case .map(let members), .object(let members):
            let body = members.filter { !isEmpty($0.value) }.map { Value.quote($0.key) + ":" + orderFreeForm($0.value) }.sorted()
            return "{" + body.joined(separator: ",") + "}"
        }
    }
}
