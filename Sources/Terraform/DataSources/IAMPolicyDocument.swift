/// An IAM policy document as the AWS provider's `aws_iam_policy_document` holds it between reading its inputs and
/// writing `json`: the shape of the provider's policy model, so merging and writing follow the same rules.
struct IAMPolicyDocument: Sendable {
    var version = ""
    var id = ""
    var statements: [Statement] = []

    /// One statement. Action and resource fields keep whatever JSON they were given (a source document may hold
    /// anything there); principals and conditions are sets the writer folds into JSON objects.
    struct Statement: Sendable {
        var sid = ""
        var effect = ""
        var actions: PolicyJSON?
        var notActions: PolicyJSON?
        var resources: PolicyJSON?
        var notResources: PolicyJSON?
        var principals: [Principal] = []
        var notPrincipals: [Principal] = []
        var conditions: [Condition] = []
    }

    /// One string or a list of strings: the provider keeps which of the two a value was.
    enum Strings: Hashable, Sendable {
        case one(String)
        case many([String])
    }

    /// A principal type (`AWS`, `Service`, `Federated`, `*`) with its identifiers.
    struct Principal: Hashable, Sendable {
        var type: String
        var identifiers: Strings
    }

    /// A condition operator, its key and the values to compare.
    struct Condition: Hashable, Sendable {
        var test: String
        var variable: String
        var values: Strings
    }

    /// Merges `other` in: its Id (when set) replaces ours, a later Version wins, a statement with a Sid we already
    /// hold replaces ours in place and every other statement is appended.
    mutating func merge(_ other: IAMPolicyDocument) {
        if !other.id.isEmpty { id = other.id }
        if PolicyJSON.goLess(version, other.version) { version = other.version }
        for statement in other.statements {
            if !statement.sid.isEmpty, let i = statements.firstIndex(where: { $0.sid == statement.sid }) {
                statements[i] = statement
            } else {
                statements.append(statement)
            }
        }
    }

    /// The document as the provider writes it (empty fields left out).
    var json: PolicyJSON {
        var members: [(key: String, value: PolicyJSON)] = []
        if !version.isEmpty { members.append((key: "Version", value: .string(version))) }
        if !id.isEmpty { members.append((key: "Id", value: .string(id))) }
        if !statements.isEmpty { members.append((key: "Statement", value: .array(statements.map(\.json)))) }
        return .object(members)
    }
}

extension IAMPolicyDocument.Statement {
    /// The statement's JSON object, fields in the provider's order.
    var json: PolicyJSON {
        var members: [(key: String, value: PolicyJSON)] = []
        func add(_ key: String, _ value: PolicyJSON?) {
            if let value { members.append((key: key, value: value)) }
        }
        if !sid.isEmpty { add("Sid", .string(sid)) }
        if !effect.isEmpty { add("Effect", .string(effect)) }
        add("Action", actions)
        add("NotAction", notActions)
        add("Resource", resources)
        add("NotResource", notResources)
        if !principals.isEmpty { add("Principal", Self.json(principals)) }
        if !notPrincipals.isEmpty { add("NotPrincipal", Self.json(notPrincipals)) }
        if !conditions.isEmpty { add("Condition", Self.json(conditions)) }
        return .object(members)
    }

    /// A lone `*` principal is written as `"*"`; otherwise one member per type, a type given more than once
    /// collecting its identifiers into a list. List identifiers are written in reverse sorted order.
    static func json(_ principals: [IAMPolicyDocument.Principal]) -> PolicyJSON {
        if principals.count == 1, principals[0].type == "*" {
            switch principals[0].identifiers {
            case .one("*"), .many(["*"]): return .string("*")
            default: break
            }
        }
        var byType: [String: IAMPolicyDocument.Strings] = [:]
        for principal in principals {
            let existing = byType[principal.type]
            switch principal.identifiers {
            case .many(let identifiers):
                let ordered = identifiers.sorted(by: PolicyJSON.goLess).reversed()
                switch existing {
                case nil: byType[principal.type] = .many(Array(ordered))
                case .one(let first): byType[principal.type] = .many([first] + ordered)
                case .many(let earlier): byType[principal.type] = .many(earlier + ordered)
                }
            case .one(let identifier):
                switch existing {
                case nil: byType[principal.type] = .one(identifier)
                case .one(let first): byType[principal.type] = .many([first, identifier])
                case .many(let earlier): byType[principal.type] = .many(earlier + [identifier])
                }
            }
        }
        return PolicyJSON.sortedObject(byType.mapValues(\.json))
    }

    /// `{test: {variable: values}}`; values of one test and variable given more than once are concatenated,
    /// and a single value is written as a string.
    static func json(_ conditions: [IAMPolicyDocument.Condition]) -> PolicyJSON {
        var byTest: [String: [String: [String]]] = [:]
        for condition in conditions {
            var variables = byTest[condition.test] ?? [:]
            switch condition.values {
            case .one(let value): variables[condition.variable, default: []].append(value)
            case .many(let values): variables[condition.variable, default: []].append(contentsOf: values)
            }
            byTest[condition.test] = variables
        }
        return PolicyJSON.sortedObject(
            byTest.mapValues { variables in
                PolicyJSON.sortedObject(variables.mapValues { $0.count == 1 ? PolicyJSON.string($0[0]) : PolicyJSON.strings($0) })
            })
    }
}

extension IAMPolicyDocument.Strings {
    /// A string, or an array of strings.
    var json: PolicyJSON {
        switch self {
        case .one(let s): return .string(s)
        case .many(let list): return PolicyJSON.strings(list)
        }
    }
}
