import Model

/// A policy document's statements, read from JSON text, the object `jsonencode` was given, or the arguments of an
/// `aws_iam_policy_document` (statement blocks with Terraform's argument names).
public struct PolicyDocument: Sendable, Hashable {
    public var statements: [PolicyStatement]
    /// True when the statement list itself is known only after apply (there may be statements not listed).
    public var statementsUnknown: Bool

    /// A document of `statements`.
    public init(statements: [PolicyStatement], statementsUnknown: Bool = false) {
        self.statements = statements
        self.statementsUnknown = statementsUnknown
    }

    /// Parses a policy: JSON text (also percent-encoded), or an object with `Statement` (or `statement` blocks).
    /// A value known only after apply is a document whose statements are unknown.
    public static func parse(_ value: Value) throws(PolicyParseError) -> PolicyDocument {
        switch value {
        case .unknown:
            return PolicyDocument(statements: [], statementsUnknown: true)
        case .string(let text):
            return try parse(PolicyJSON.parse(text))
        default:
            break
        }
        guard let members = value.members else {
            throw PolicyParseError(.notAnObject, at: "policy", "policy is not a JSON object")
        }
        guard let statement = members["Statement"] ?? members["statement"], !statement.isNull else {
            return PolicyDocument(statements: [])
        }
        if !statement.isKnown { return PolicyDocument(statements: [], statementsUnknown: true) }
        let items: [Value]
        if statement.members != nil {
            items = [statement]
        } else if let list = statement.elements {
            items = list
        } else {
            throw PolicyParseError(.invalidStatement, at: "Statement", "Statement is neither an object nor a list")
        }
        var out = PolicyDocument(statements: [])
        for (i, item) in items.enumerated() {
            if !item.isKnown {
                out.statementsUnknown = true
                continue
            }
            out.statements.append(try parseStatement(item, at: "Statement[\(i)]"))
        }
        return out
    }

    /// Parses one statement object; `presence` says whether it is certainly part of the document.
    public static func parseStatement(
        _ value: Value, at location: String, presence: Tristate = .true
    ) throws(PolicyParseError)
        -> PolicyStatement
    {
        guard let members = value.members else {
            throw PolicyParseError(.notAnObject, at: location, "statement is not an object")
        }
        var s = PolicyStatement(presence: presence)
        s.sid = try sid(members["Sid"] ?? members["sid"])
        s.effect = try effect(members["Effect"] ?? members["effect"], at: location + ".Effect")
        (s.actions, s.actionsNegated) = try names(
            members, ("Action", "actions"), ("NotAction", "not_actions"), at: location)
        (s.resources, s.resourcesNegated) = try names(
            members, ("Resource", "resources"), ("NotResource", "not_resources"), at: location)
        let principal = present(members["Principal"] ?? members["principals"])
        let notPrincipal = present(members["NotPrincipal"] ?? members["not_principals"])
        if principal != nil, notPrincipal != nil {
            throw PolicyParseError(.conflictingFields, at: location, "statement has both Principal and NotPrincipal")
        }
        if let p = principal ?? notPrincipal {
            s.principalsNegated = principal == nil
            (s.principals, s.principalsUnknown) = try PolicyFieldReader.principals(p, at: location + ".Principal")
        }
        if let c = present(members["Condition"] ?? members["condition"]) {
            (s.conditions, s.conditionsUnknown) = try PolicyFieldReader.conditions(c, at: location + ".Condition")
        }
        return s
    }

    private static func sid(_ value: Value?) throws(PolicyParseError) -> String? {
        guard let value, !value.isNull else { return "" }
        guard value.isKnown else { return nil }
        return value.stringValue ?? ""
    }

    private static func effect(_ value: Value?, at location: String) throws(PolicyParseError) -> PolicyStatement.Effect? {
        guard let value, !value.isNull else { return .allow }
        guard value.isKnown else { return nil }
        switch value.stringValue?.lowercased() {
        case "allow": return .allow
        case "deny": return .deny
        default: throw PolicyParseError(.invalidEffect, at: location, "Effect is neither Allow nor Deny")
        }
    }

    /// A field or its negation (`Action`/`NotAction`), under its JSON or Terraform name.
    private static func names(
        _ members: [String: Value], _ plain: (String, String), _ negated: (String, String), at location: String
    ) throws(PolicyParseError) -> (PatternList, Bool) {
        let positive = present(members[plain.0] ?? members[plain.1])
        let negative = present(members[negated.0] ?? members[negated.1])
        if positive != nil, negative != nil {
            throw PolicyParseError(.conflictingFields, at: location, "statement has both \(plain.0) and \(negated.0)")
        }
        guard let value = positive ?? negative else { return (PatternList([]), false) }
        let name = positive == nil ? negated.0 : plain.0
        guard let list = PatternList.read(value) else {
            throw PolicyParseError(.invalidField, at: location + "." + name, "\(name) is not a string or a list of strings")
        }
        return (list, positive == nil)
    }

    /// The value unless it is absent: null, or an empty list (how Terraform renders an unset block list).
    private static func present(_ value: Value?) -> Value? {
        guard let value, !value.isNull else { return nil }
        if value.elements?.isEmpty == true { return nil }
        return value
    }
}
