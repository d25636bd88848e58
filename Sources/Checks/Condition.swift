import Foundation
import HCL
import Model

/// A compiled check condition; the resource passes when the condition holds.
public indirect enum Condition: Sendable {
    /// A fixed answer (an empty `and` is true, an empty `or` false).
    case constant(Bool)
    case and([Condition])
    case or([Condition])
    case not(Condition)
    case attribute(AttributeCondition)
    case portRange(PortRangeCondition)
    case forEach(ForEachCondition)
    case connection(ConnectionCondition)
    case predicate(PredicateCondition)
    /// The resource's type is one of these (Checkov's `filter` on `resource_type`).
    case resourceType(Set<String>)
}

/// How the values matched by a wildcard path combine.
public enum Quantifier: String, Sendable, Hashable {
    /// At least one matched value satisfies the operator.
    case any
    /// Every matched value satisfies the operator (the default).
    case all
    /// No matched value satisfies the operator.
    case none
}

/// `{attribute: path, operator: op, value: v, quantifier: q}`.
public struct AttributeCondition: Sendable {
    public var path: AttributePath
    public var op: AttributeOperator
    public var quantifier: Quantifier

    /// Builds an attribute condition; the quantifier defaults to `all`.
    public init(path: AttributePath, op: AttributeOperator, quantifier: Quantifier = .all) {
        self.path = path
        self.op = op
        self.quantifier = quantifier
    }
}

/// `{operator: port_in_range, from_attribute: from_port, to_attribute: to_port, value: 22}`.
public struct PortRangeCondition: Sendable {
    public var from: AttributePath
    public var to: AttributePath
    public var port: Int

    /// Builds a port range test over two numeric attributes.
    public init(from: AttributePath, to: AttributePath, port: Int) {
        self.from = from
        self.to = to
        self.port = port
    }
}

/// `{each: "ingress.*", quantifier: none, condition: {...}}`: the nested condition is evaluated with each
/// matched object as the attribute root, so several attributes of one nested block can be tested together.
public struct ForEachCondition: Sendable {
    public var path: AttributePath
    public var quantifier: Quantifier
    public var condition: Condition

    /// Builds a per-element condition; the quantifier defaults to `all`.
    public init(path: AttributePath, quantifier: Quantifier = .all, condition: Condition) {
        self.path = path
        self.quantifier = quantifier
        self.condition = condition
    }
}

/// A resource of `resourceTypes` connected to this one (through attribute `via`), optionally satisfying `condition`.
public struct ConnectionCondition: Sendable {
    /// Which way the reference points.
    public enum Direction: String, Sendable, Hashable {
        /// The other resource refers to this one.
        case incoming
        /// This resource refers to the other one.
        case outgoing
        /// Either way (Checkov's connection semantics).
        case either
    }

    public var resourceTypes: Set<String>
    /// Referring attribute (dotted, indices ignored); nil accepts any attribute.
    public var via: String?
    public var direction: Direction
    public var condition: Condition?

    /// Builds a connection condition.
    public init(resourceTypes: Set<String>, via: String?, direction: Direction, condition: Condition? = nil) {
        self.resourceTypes = resourceTypes
        self.via = via.map(ConnectionCondition.normalize)
        self.direction = direction
        self.condition = condition
    }

    /// `logging.0.target_bucket` and `logging[*].target_bucket` both become `logging.target_bucket`.
    static func normalize(_ attribute: String) -> String {
        guard attribute.contains(where: { $0 == "[" || $0 == "*" || $0.isNumber }) else { return attribute }
        let dotted = attribute.replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "]", with: "")
        return dotted.split(separator: ".").filter { $0 != "*" && Int($0) == nil }.joined(separator: ".")
    }
}

/// `{predicate: name, attribute: path}`: a named Swift test for what the condition language cannot express.
public struct PredicateCondition: Sendable {
    public var predicate: Predicate
    /// The attribute passed to the predicate; nil passes the whole resource as an object.
    public var path: AttributePath?
    public var quantifier: Quantifier

    /// Builds a predicate condition.
    public init(predicate: Predicate, path: AttributePath?, quantifier: Quantifier = .all) {
        self.predicate = predicate
        self.path = path
        self.quantifier = quantifier
    }
}

/// A regular expression compiled once at load time.
public struct CompiledRegex: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented thread-safe, hence @unchecked.
    public let pattern: String
    private let regex: NSRegularExpression

    /// Compiles `pattern` (ICU syntax); throws the compiler's error for an invalid pattern.
    public init(_ pattern: String) throws {
        self.pattern = pattern
        self.regex = try NSRegularExpression(pattern: pattern, options: [])
    }

    /// True when the pattern matches somewhere in `text` (anchor with `^…$` for a full match).
    public func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, options: [], range: NSRange(text.startIndex..., in: text)) != nil
    }
}

/// Operators of attribute conditions, with operands compiled at load time.
public enum AttributeOperator: Sendable {
    case equals(Value), notEquals(Value)
    case equalsIgnoreCase(String), notEqualsIgnoreCase(String)
    case exists, notExists
    case contains(Value), notContains(Value)
    case within([Value]), notWithin([Value])
    case startsWith(String), notStartsWith(String)
    case endsWith(String), notEndsWith(String)
    case regexMatch(CompiledRegex), notRegexMatch(CompiledRegex)
    case greaterThan(Double), greaterThanOrEqual(Double), lessThan(Double), lessThanOrEqual(Double)
    case isTrue, isFalse, isEmpty, isNotEmpty
    case lengthEquals(Int), lengthNotEquals(Int)
    case lengthGreaterThan(Int), lengthGreaterThanOrEqual(Int)
    case lengthLessThan(Int), lengthLessThanOrEqual(Int)
    case subset([Value]), notSubset([Value])
    case intersects([Value]), notIntersects([Value])
    /// Any CIDR in the attribute equals or contains one of these networks.
    case cidrContainsAny([IPNetwork])
    /// The attribute is a port, a `"from-to"` range, `"*"`, or a list of those, that includes this port.
    case portInRange(Int)

    /// The operator's name in check files.
    public var name: String {
        switch self {
        case .equals: return "equals"
        case .notEquals: return "not_equals"
        case .equalsIgnoreCase: return "equals_ignore_case"
        case .notEqualsIgnoreCase: return "not_equals_ignore_case"
        case .exists: return "exists"
        case .notExists: return "not_exists"
        case .contains: return "contains"
        case .notContains: return "not_contains"
        case .within: return "within"
        case .notWithin: return "not_within"
        case .startsWith: return "starts_with"
        case .notStartsWith: return "not_starts_with"
        case .endsWith: return "ends_with"
        case .notEndsWith: return "not_ends_with"
        case .regexMatch: return "regex_match"
        case .notRegexMatch: return "not_regex_match"
        case .greaterThan: return "greater_than"
        case .greaterThanOrEqual: return "greater_than_or_equal"
        case .lessThan: return "less_than"
        case .lessThanOrEqual: return "less_than_or_equal"
        case .isTrue: return "is_true"
        case .isFalse: return "is_false"
        case .isEmpty: return "is_empty"
        case .isNotEmpty: return "is_not_empty"
        case .lengthEquals: return "length_equals"
        case .lengthNotEquals: return "length_not_equals"
        case .lengthGreaterThan: return "length_greater_than"
        case .lengthGreaterThanOrEqual: return "length_greater_than_or_equal"
        case .lengthLessThan: return "length_less_than"
        case .lengthLessThanOrEqual: return "length_less_than_or_equal"
        case .subset: return "subset"
        case .notSubset: return "not_subset"
        case .intersects: return "intersects"
        case .notIntersects: return "not_intersects"
        case .cidrContainsAny: return "cidr_contains_any"
        case .portInRange: return "port_in_range"
        }
    }
}
