import Checks
import Model

/// Attribute-level comparison of a desired attribute tree with a live one.
///
/// Equal for drift purposes: null, `""`, `[]` and `{}` (providers and APIs disagree on "not set"); a
/// number or bool and its string form (state JSON and APIs disagree on scalar types); two JSON documents of equal
/// value (policies: the provider normalises spacing and key order, the API hands back its own); a one-element list of
/// blocks and the bare block. Sets, and attributes the rules call sets, are compared order-free; a set of blocks
/// (security-group rules) element by element, one difference per added or removed element. Unknown values are
/// never drift: they say nothing about the live object. Absent is not null, at any depth: a member one side does
/// not hold (discovery did not read it, the provider does not store it) is not compared.
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
    /// True when the second side holds every member there is (the state against the code), so a member it lacks
    /// is null; false when it holds what was read (live), so a member it lacks is not compared.
    let absentIsNull: Bool
    private(set) var differences: [Difference] = []

    init(rules: AttributeRules, absentIsNull: Bool = false, ignoreAttribute: @escaping (String, String) -> Bool) {
        self.rules = rules
        self.absentIsNull = absentIsNull
        self.ignoreAttribute = ignoreAttribute
    }

    /// Compares the top-level attributes of `desired` with `live`'s: one `live` does not hold is not compared
    /// (discovery did not read it) unless `absentIsNull`.
    mutating func compare(desired: [String: Value], live: [String: Value]) {
        for (name, desiredValue) in desired {
            guard let liveValue = live[name] ?? (absentIsNull ? Value.null : nil) else { continue }
            compare(desiredValue, liveValue, path: name, pattern: name)
        }
    }

    private mutating func compare(_ desired: Value, _ live: Value, path: String, pattern: String) {
        if rules.isIgnored(pattern) || ignoreAttribute(path, pattern) { return }
        if !desired.isKnown || !live.isKnown { return }
        let desiredEmpty = Self.isEmpty(desired)
        let liveEmpty = Self.isEmpty(live)
        if desiredEmpty && liveEmpty { return }
        // Two maps or blocks are compared member by member even when one is empty, so a removed tag is its own row.
        let bothMembered = desired.members != nil && live.members != nil
        if desiredEmpty != liveEmpty && !bothMembered {
            record(desired, live, path)
            return
        }
        if Self.isSetValue(desired) || Self.isSetValue(live) || rules.isSet(pattern) {
            if let d = desired.elements, let l = live.elements, d.contains(where: { $0.members != nil }) {
                compareBlockSet(d, l, path: path, pattern: pattern)
            } else if Self.orderFreeForm(desired) != Self.orderFreeForm(live) {
                record(desired, live, path)
            }
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
                // A map read whole (tags) lacks a key because the key is gone; a block lacks a member because it
                // was not read.
                let readWhole = absentIsNull || Self.isMap(live)
                for key in readWhole ? Set(d.keys).union(l.keys) : Set(d.keys) {
                    guard let other = l[key] ?? (readWhole ? Value.null : nil) else { continue }
                    compare(d[key] ?? .null, other, path: "\(path).\(key)", pattern: "\(pattern).\(key)")
                }
            } else if case .string(let a) = desired, case .string(let b) = live, a != b, DesiredStateMerger.sameJSON(a, b) {
                return
            } else if ValueConversions.string(desired) != ValueConversions.string(live) || ValueConversions.string(desired) == nil {
                record(desired, live, path)
            }
        }
    }

    /// Pairs the blocks of a set by content: each desired block without a live twin is one removed element
    /// (`path[-]`), each live block without a desired twin one added element (`path[+]`).
    private mutating func compareBlockSet(_ desired: [Value], _ live: [Value], path: String, pattern: String) {
        var used = [Bool](repeating: false, count: live.count)
        var unmatched: [Value] = []
        for item in desired where !Self.isEmpty(item) {
            let twin = live.indices.first { !used[$0] && blockEquals(item, live[$0], pattern: pattern) }
            if let twin { used[twin] = true } else { unmatched.append(item) }
        }
        for item in unmatched { record(item, .null, "\(path)[-]") }
        for i in live.indices where !used[i] && !Self.isEmpty(live[i]) { record(.null, live[i], "\(path)[+]") }
    }

    /// True when a nested comparison of two blocks finds no difference.
    private func blockEquals(_ a: Value, _ b: Value, pattern: String) -> Bool {
        var inner = AttributeDiff(rules: rules, absentIsNull: absentIsNull, ignoreAttribute: ignoreAttribute)
        inner.compare(a, b, path: pattern, pattern: pattern)
        return inner.differences.isEmpty
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

    private static func isMap(_ value: Value) -> Bool {
        if case .map = value { return true }
        return false
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
