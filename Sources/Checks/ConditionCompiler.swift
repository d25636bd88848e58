import HCL
import Model

/// Compiles the condition part of a check file into a `Condition`, validating operators and operands so that
/// evaluation never meets a malformed condition.
struct ConditionCompiler {
    let predicates: PredicateRegistry

    private static let attributeKeys: Set<String> = [
        "attribute", "operator", "value", "quantifier", "from_attribute", "to_attribute",
    ]

    func compile(_ node: YNode) throws(LoadError) -> Condition {
        let pairs = try node.requireMapping("a condition")
        guard let first = pairs.first else { throw node.error("a condition must not be empty") }
        let keys = Set(pairs.map(\.key))
        switch first.key {
        case "and", "or":
            guard pairs.count == 1 else { throw node.error("'\(first.key)' must be the only key of its condition") }
            guard let items = first.node.sequenceItems else { throw first.node.error("'\(first.key)' must be a list of conditions") }
            var children: [Condition] = []
            for item in items { children.append(try compile(item)) }
            return first.key == "and" ? .and(children) : .or(children)
        case "not":
            guard pairs.count == 1 else { throw node.error("'not' must be the only key of its condition") }
            return .not(try compile(first.node))
        case "connection":
            guard pairs.count == 1 else { throw node.error("'connection' must be the only key of its condition") }
            return .connection(try compileConnection(first.node))
        case "predicate":
            try node.requireKeys(in: ["predicate", "attribute", "quantifier"], "a predicate condition")
            let name = try first.node.requireString("predicate")
            guard let predicate = predicates.predicate(named: name) else {
                throw first.node.error("unknown predicate '\(name)' (known: \(predicates.names.joined(separator: ", ")))")
            }
            let path = try node["attribute"].map { n throws(LoadError) in try Self.path(n) }
            return .predicate(PredicateCondition(predicate: predicate, path: path, quantifier: try quantifier(node)))
        case "resource_type":
            // Lets one check treat resource types whose provider defaults differ (a legacy resource without the
            // default its successor has) without splitting the check.
            guard pairs.count == 1 else { throw node.error("'resource_type' must be the only key of its condition") }
            let types = try first.node.requireStringList("resource_type")
            guard !types.isEmpty else { throw first.node.error("'resource_type' must list at least one type") }
            return .resourceType(Set(types))
        case "each":
            try node.requireKeys(in: ["each", "quantifier", "condition"], "an 'each' condition")
            guard let nested = node["condition"] else { throw node.error("'each' needs a 'condition'") }
            return .forEach(
                ForEachCondition(
                    path: try Self.path(first.node), quantifier: try quantifier(node),
                    condition: try compile(nested)))
        default:
            guard keys.contains("operator") else {
                throw node.error(
                    "unrecognised condition: expected and, or, not, attribute/operator, each, connection, predicate or resource_type")
            }
            try node.requireKeys(in: Self.attributeKeys, "an attribute condition")
            return try compileAttribute(node)
        }
    }

    private func quantifier(_ node: YNode) throws(LoadError) -> Quantifier {
        guard let q = node["quantifier"] else { return .all }
        let text = try q.requireString("quantifier")
        guard let quantifier = Quantifier(rawValue: text) else { throw q.error("quantifier must be any, all or none") }
        return quantifier
    }

    static func path(_ node: YNode) throws(LoadError) -> AttributePath {
        let text = try node.requireString("attribute")
        guard let path = AttributePath(text) else { throw node.error("invalid attribute path '\(text)'") }
        return path
    }

    private func compileConnection(_ node: YNode) throws(LoadError) -> ConnectionCondition {
        try node.requireKeys(in: ["resource_types", "via", "direction", "condition"], "a connection")
        guard let typesNode = node["resource_types"] else { throw node.error("a connection needs 'resource_types'") }
        let types = try typesNode.requireStringList("resource_types")
        guard !types.isEmpty else { throw typesNode.error("resource_types must not be empty") }
        var direction = ConnectionCondition.Direction.incoming
        if let d = node["direction"] {
            let text = try d.requireString("direction")
            guard let parsed = ConnectionCondition.Direction(rawValue: text) else {
                throw d.error("direction must be incoming, outgoing or either")
            }
            direction = parsed
        }
        let via = try node["via"].map { n throws(LoadError) in try n.requireString("via") }
        let nested = try node["condition"].map { n throws(LoadError) in try compile(n) }
        return ConnectionCondition(resourceTypes: Set(types), via: via, direction: direction, condition: nested)
    }

    private func compileAttribute(_ node: YNode) throws(LoadError) -> Condition {
        guard let opNode = node["operator"] else { throw node.error("missing 'operator'") }
        let name = try opNode.requireString("operator")
        let valueNode = node["value"]
        if name == "port_in_range", node["from_attribute"] != nil || node["to_attribute"] != nil {
            guard let fromNode = node["from_attribute"], let toNode = node["to_attribute"] else {
                throw node.error("port_in_range needs both from_attribute and to_attribute")
            }
            guard node["attribute"] == nil else {
                throw node.error("port_in_range takes either 'attribute' or from_attribute/to_attribute, not both")
            }
            let port = try Self.port(valueNode, node)
            return .portRange(PortRangeCondition(from: try Self.path(fromNode), to: try Self.path(toNode), port: port))
        }
        guard let attributeNode = node["attribute"] else { throw node.error("missing 'attribute'") }
        let path = try Self.path(attributeNode)
        let op = try Self.makeOperator(name, valueNode, at: opNode, in: node)
        return .attribute(AttributeCondition(path: path, op: op, quantifier: try quantifier(node)))
    }

    /// Builds an operator from its name and operand node; shared with the Checkov translator.
    static func makeOperator(
        _ name: String, _ valueNode: YNode?, at opNode: YNode, in node: YNode,
        anchoredRegex: Bool = false
    ) throws(LoadError) -> AttributeOperator {
        func value() throws(LoadError) -> Value {
            guard let valueNode else { throw node.error("operator '\(name)' needs a 'value'") }
            return valueNode.value
        }
        func list() throws(LoadError) -> [Value] {
            let v = try value()
            return v.elements ?? [v]
        }
        func string() throws(LoadError) -> String {
            guard let valueNode else { throw node.error("operator '\(name)' needs a 'value'") }
            return try valueNode.requireString("value of '\(name)'")
        }
        func number() throws(LoadError) -> Double {
            guard let valueNode else { throw node.error("operator '\(name)' needs a 'value'") }
            guard let v = valueNode.scalarValue, let n = ValueConversions.number(v) else {
                throw valueNode.error("value of '\(name)' must be a number")
            }
            return n
        }
        func count() throws(LoadError) -> Int {
            let n = try number()
            guard n >= 0, n == n.rounded(), n < 1e9 else {
                throw (valueNode ?? node).error("value of '\(name)' must be a non-negative integer")
            }
            return Int(n)
        }
        func noValue() throws(LoadError) {
            if let valueNode { throw valueNode.error("operator '\(name)' takes no 'value'") }
        }
        func regex() throws(LoadError) -> CompiledRegex {
            let pattern = try string()
            do {
                return try CompiledRegex(anchoredRegex ? "^(?:" + pattern + ")" : pattern)
            } catch {
                throw (valueNode ?? node).error("invalid regular expression '\(pattern)'")
            }
        }
        switch name {
        case "equals": return .equals(try value())
        case "not_equals": return .notEquals(try value())
        case "equals_ignore_case": return .equalsIgnoreCase(try string())
        case "not_equals_ignore_case": return .notEqualsIgnoreCase(try string())
        case "exists":
            try noValue()
            return .exists
        case "not_exists":
            try noValue()
            return .notExists
        case "contains": return .contains(try value())
        case "not_contains": return .notContains(try value())
        case "within": return .within(try list())
        case "not_within": return .notWithin(try list())
        case "starts_with": return .startsWith(try string())
        case "not_starts_with": return .notStartsWith(try string())
        case "ends_with": return .endsWith(try string())
        case "not_ends_with": return .notEndsWith(try string())
        case "regex_match": return .regexMatch(try regex())
        case "not_regex_match": return .notRegexMatch(try regex())
        case "greater_than": return .greaterThan(try number())
        case "greater_than_or_equal": return .greaterThanOrEqual(try number())
        case "less_than": return .lessThan(try number())
        case "less_than_or_equal": return .lessThanOrEqual(try number())
        case "is_true":
            try noValue()
            return .isTrue
        case "is_false":
            try noValue()
            return .isFalse
        case "is_empty":
            try noValue()
            return .isEmpty
        case "is_not_empty":
            try noValue()
            return .isNotEmpty
        case "length_equals": return .lengthEquals(try count())
        case "length_not_equals": return .lengthNotEquals(try count())
        case "length_greater_than": return .lengthGreaterThan(try count())
        case "length_greater_than_or_equal": return .lengthGreaterThanOrEqual(try count())
        case "length_less_than": return .lengthLessThan(try count())
        case "length_less_than_or_equal": return .lengthLessThanOrEqual(try count())
        case "subset": return .subset(try list())
        case "not_subset": return .notSubset(try list())
        case "intersects": return .intersects(try list())
        case "not_intersects": return .notIntersects(try list())
        case "cidr_contains_any":
            var networks: [IPNetwork] = []
            for item in try list() {
                guard let text = item.stringValue, let network = IPNetwork(text) else {
                    throw (valueNode ?? node).error("cidr_contains_any needs CIDR strings, got \(item)")
                }
                networks.append(network)
            }
            return .cidrContainsAny(networks)
        case "port_in_range":
            return .portInRange(try port(valueNode, node))
        default:
            throw opNode.error("unknown operator '\(name)'", .unsupported)
        }
    }

    static func port(_ valueNode: YNode?, _ node: YNode) throws(LoadError) -> Int {
        guard let valueNode else { throw node.error("port_in_range needs a 'value' port") }
        guard let v = valueNode.scalarValue, let n = ValueConversions.number(v), n == n.rounded(), n >= 0, n <= 65535 else {
            throw valueNode.error("port must be an integer from 0 to 65535")
        }
        return Int(n)
    }
}
