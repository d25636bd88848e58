import HCL
import Model

extension AttributeOperator {
    /// The answer when the path matches nothing (absent or null): negative operators hold, positive ones fail,
    /// and an absent attribute counts as empty.
    var holdsWhenAbsent: Bool {
        switch self {
        case .notEquals, .notEqualsIgnoreCase, .notExists, .notContains, .notWithin, .notStartsWith, .notEndsWith,
            .notRegexMatch, .notSubset, .notIntersects, .isEmpty:
            return true
        default:
            return false
        }
    }

    /// Three-valued test of one matched value; a top-level unknown is handled by the caller.
    func test(_ v: Value) -> Truth {
        switch self {
        case .equals(let e): return ValueConversions.equals(v, e)
        case .notEquals(let e): return ValueConversions.equals(v, e).negated
        case .equalsIgnoreCase(let s): return Self.equalsIgnoringCase(v, s)
        case .notEqualsIgnoreCase(let s): return Self.equalsIgnoringCase(v, s).negated
        case .exists: return .true
        case .notExists: return .false
        case .contains(let e): return Self.contains(v, e)
        case .notContains(let e): return Self.contains(v, e).negated
        case .within(let list): return ValueConversions.isMember(v, of: list)
        case .notWithin(let list): return ValueConversions.isMember(v, of: list).negated
        case .startsWith(let p): return Truth(ValueConversions.string(v)?.hasPrefix(p) ?? false)
        case .notStartsWith(let p): return Truth(ValueConversions.string(v)?.hasPrefix(p) ?? false).negated
        case .endsWith(let p): return Truth(ValueConversions.string(v)?.hasSuffix(p) ?? false)
        case .notEndsWith(let p): return Truth(ValueConversions.string(v)?.hasSuffix(p) ?? false).negated
        case .regexMatch(let r): return Truth(ValueConversions.string(v).map(r.matches) ?? false)
        case .notRegexMatch(let r): return Truth(ValueConversions.string(v).map(r.matches) ?? false).negated
        case .greaterThan(let n): return Truth(ValueConversions.number(v).map { $0 > n } ?? false)
        case .greaterThanOrEqual(let n): return Truth(ValueConversions.number(v).map { $0 >= n } ?? false)
        case .lessThan(let n): return Truth(ValueConversions.number(v).map { $0 < n } ?? false)
        case .lessThanOrEqual(let n): return Truth(ValueConversions.number(v).map { $0 <= n } ?? false)
        case .isTrue: return Truth(ValueConversions.bool(v) == true)
        case .isFalse: return Truth(ValueConversions.bool(v) == false)
        case .isEmpty: return Truth(Self.length(v) == 0)
        case .isNotEmpty: return Truth(Self.length(v).map { $0 > 0 } ?? true)
        case .lengthEquals(let n): return Truth(Self.length(v) == n)
        case .lengthNotEquals(let n): return Truth(Self.length(v).map { $0 != n } ?? false)
        case .lengthGreaterThan(let n): return Truth(Self.length(v).map { $0 > n } ?? false)
        case .lengthGreaterThanOrEqual(let n): return Truth(Self.length(v).map { $0 >= n } ?? false)
        case .lengthLessThan(let n): return Truth(Self.length(v).map { $0 < n } ?? false)
        case .lengthLessThanOrEqual(let n): return Truth(Self.length(v).map { $0 <= n } ?? false)
        case .subset(let list): return Self.subset(v, list)
        case .notSubset(let list): return Self.subset(v, list).negated
        case .intersects(let list): return Self.intersects(v, list)
        case .notIntersects(let list): return Self.intersects(v, list).negated
        case .cidrContainsAny(let targets): return Self.cidrContainsAny(v, targets)
        case .portInRange(let port): return Self.portInRange(v, port)
        }
    }

    private static func equalsIgnoringCase(_ v: Value, _ s: String) -> Truth {
        Truth(ValueConversions.string(v).map { $0.lowercased() == s.lowercased() } ?? false)
    }

    /// Strings: substring; collections: an element equals the operand; maps and objects: the key is present.
    private static func contains(_ v: Value, _ e: Value) -> Truth {
        switch v {
        case .string(let s):
            guard let needle = ValueConversions.string(e) else { return .false }
            return Truth(s.contains(needle))
        case .list(let items), .tuple(let items), .set(let items):
            return ValueConversions.isMember(e, of: items)
        case .map(let members), .object(let members):
            guard let key = ValueConversions.string(e) else { return .false }
            return Truth(members[key] != nil)
        case .unknown:
            return .unknown
        default:
            return .false
        }
    }

    /// Characters of a string, or elements/members of a collection; nil for other kinds.
    private static func length(_ v: Value) -> Int? {
        switch v {
        case .string(let s): return s.count
        case .list(let items), .tuple(let items), .set(let items): return items.count
        case .map(let members), .object(let members): return members.count
        default: return nil
        }
    }

    private static func subset(_ v: Value, _ list: [Value]) -> Truth {
        var result = Truth.true
        for item in ValueConversions.asCollection(v) {
            result = result && ValueConversions.isMember(item, of: list)
            if result == .false { return .false }
        }
        return result
    }

    private static func intersects(_ v: Value, _ list: [Value]) -> Truth {
        var result = Truth.false
        for item in ValueConversions.asCollection(v) {
            result = result || ValueConversions.isMember(item, of: list)
            if result == .true { return .true }
        }
        return result
    }

    /// Words that Azure and others accept in place of an address prefix and that mean "any source".
    private static func meansAnyAddress(_ s: String) -> Bool {
        switch s.lowercased() {
        case "*", "any", "internet", "0.0.0.0": return true
        default: return false
        }
    }

    private static func cidrContainsAny(_ v: Value, _ targets: [IPNetwork]) -> Truth {
        var result = Truth.false
        for item in ValueConversions.asCollection(v) {
            switch item {
            case .unknown:
                result = result || .unknown
            case .string(let s):
                if meansAnyAddress(s.trimmingWhitespace()) {
                    if !targets.isEmpty { return .true }
                } else if let network = IPNetwork(s), targets.contains(where: { network.contains($0) }) {
                    return .true
                }
            default:
                continue
            }
        }
        return result
    }

    private static func portInRange(_ v: Value, _ port: Int) -> Truth {
        var result = Truth.false
        for item in ValueConversions.asCollection(v) {
            switch item {
            case .unknown:
                result = result || .unknown
            case .number(let n):
                if Double(port) == n { return .true }
            case .string(let raw):
                let s = raw.trimmingWhitespace()
                if s == "*" { return .true }
                let bounds = s.split(separator: "-", maxSplits: 1).map { Int(String($0).trimmingWhitespace()) }
                if bounds.count == 1, let p = bounds[0], p == port { return .true }
                if bounds.count == 2, let lo = bounds[0], let hi = bounds[1], lo <= port, port <= hi { return .true }
            default:
                continue
            }
        }
        return result
    }
}
