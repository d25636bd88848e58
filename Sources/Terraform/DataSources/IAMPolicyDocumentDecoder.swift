import HCL

/// Reads a source or override policy document as the AWS provider's policy model unmarshals JSON: field names
/// match case-insensitively and a later duplicate wins, unknown fields are ignored, Action/Resource fields keep
/// their JSON as it is, and principals and conditions go through the model's own readers (which sort list
/// principals and silently drop condition values that are neither strings, booleans nor lists of strings).
enum IAMPolicyDocumentDecoder {
    /// The document in `text`; `location` names the argument it came from, for errors.
    static func decode(_ text: String, at location: String) throws(IAMPolicyDocumentError) -> IAMPolicyDocument {
        let node: JSONNode
        do {
            node = try JSONParser.parse(text, filename: location)
        } catch {
            throw IAMPolicyDocumentError(.invalidJSON, "is not valid JSON", at: location, cause: error)
        }
        var document = IAMPolicyDocument()
        switch node.kind {
        case .null:
            return document
        case .object(let members):
            for member in members {
                switch member.key.lowercased() {
                case "version": document.version = try string(member.value, at: location + ".Version") ?? document.version
                case "id": document.id = try string(member.value, at: location + ".Id") ?? document.id
                case "statement": document.statements = try statements(member.value, at: location + ".Statement")
                default: continue
                }
            }
            return document
        default:
            throw mismatch(node, "an object", at: location)
        }
    }

    private static func statements(_ node: JSONNode, at location: String) throws(IAMPolicyDocumentError) -> [IAMPolicyDocument.Statement] {
        switch node.kind {
        case .null:
            return []
        case .array(let items):
            var out: [IAMPolicyDocument.Statement] = []
            for (i, item) in items.enumerated() {
                out.append(try statement(item, at: "\(location)[\(i)]"))
            }
            return out
        default:
            throw mismatch(node, "an array of statements", at: location)
        }
    }

    private static func statement(_ node: JSONNode, at location: String) throws(IAMPolicyDocumentError) -> IAMPolicyDocument.Statement {
        guard case .object(let members) = node.kind else {
            // A null statement decodes to nothing the provider can merge; it fails on it.
            throw mismatch(node, "a statement object", at: location)
        }
        var s = IAMPolicyDocument.Statement()
        for member in members {
            let value = member.value
            let at = location + "." + member.key
            switch member.key.lowercased() {
            case "sid": s.sid = try string(value, at: at) ?? s.sid
            case "effect": s.effect = try string(value, at: at) ?? s.effect
            case "action": s.actions = passthrough(value)
            case "notaction": s.notActions = passthrough(value)
            case "resource": s.resources = passthrough(value)
            case "notresource": s.notResources = passthrough(value)
            case "principal": s.principals = try principals(value, at: at)
            case "notprincipal": s.notPrincipals = try principals(value, at: at)
            case "condition": s.conditions = try conditions(value, at: at)
            default: continue
            }
        }
        return s
    }

    /// A string field: null leaves the field as it was, anything else but a string is a type error.
    private static func string(_ node: JSONNode, at location: String) throws(IAMPolicyDocumentError) -> String? {
        switch node.kind {
        case .null: return nil
        case .string(let s): return s
        default: throw mismatch(node, "a string", at: location)
        }
    }

    /// Any JSON, as Go holds it in an `interface{}` and writes it back (objects with sorted keys); null is absent.
    private static func passthrough(_ node: JSONNode) -> PolicyJSON? {
        if case .null = node.kind { return nil }
        return json(node)
    }

    private static func json(_ node: JSONNode) -> PolicyJSON {
        switch node.kind {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n, _): return .number(PolicyJSON.goNumber(n))
        case .string(let s): return .string(s)
        case .array(let items): return .array(items.map(json))
        case .object(let members):
            var table: [String: PolicyJSON] = [:]
            for member in members { table[member.key] = json(member.value) }
            return PolicyJSON.sortedObject(table)
        }
    }

    /// Any string means `*`; an object maps types to one identifier or a list of them (sorted).
    private static func principals(_ node: JSONNode, at location: String) throws(IAMPolicyDocumentError) -> [IAMPolicyDocument.Principal] {
        switch node.kind {
        case .string:
            return [IAMPolicyDocument.Principal(type: "*", identifiers: .many(["*"]))]
        case .object(let members):
            var byType: [String: IAMPolicyDocument.Strings] = [:]
            for member in members {
                switch member.value.kind {
                case .string(let s):
                    byType[member.key] = .one(s)
                case .array(let items):
                    var identifiers: [String] = []
                    for (i, item) in items.enumerated() {
                        guard case .string(let s) = item.kind else {
                            throw mismatch(item, "a string", at: "\(location).\(member.key)[\(i)]")
                        }
                        identifiers.append(s)
                    }
                    byType[member.key] = .many(identifiers.sorted(by: PolicyJSON.goLess))
                default:
                    throw mismatch(member.value, "a string or a list of strings", at: location + "." + member.key)
                }
            }
            return byType.keys.sorted(by: PolicyJSON.goLess).compactMap { type in
                byType[type].map { IAMPolicyDocument.Principal(type: type, identifiers: $0) }
            }
        default:
            throw mismatch(node, "\"*\" or an object of principal types", at: location)
        }
    }

    /// `{test: {variable: values}}`. A string becomes a one-element list, a boolean its text; numbers, nulls and
    /// objects are dropped, as the provider's reader drops them.
    private static func conditions(_ node: JSONNode, at location: String) throws(IAMPolicyDocumentError) -> [IAMPolicyDocument.Condition] {
        var tests: [(String, [JSONMember])] = []
        switch node.kind {
        case .null:
            return []
        case .object(let members):
            var table: [String: [JSONMember]] = [:]
            for member in members {
                switch member.value.kind {
                case .null: table[member.key] = []
                case .object(let variables): table[member.key] = variables
                default: throw mismatch(member.value, "an object of condition keys", at: location + "." + member.key)
                }
            }
            tests = table.keys.sorted(by: PolicyJSON.goLess).map { ($0, table[$0] ?? []) }
        default:
            throw mismatch(node, "an object of condition operators", at: location)
        }
        var out: [IAMPolicyDocument.Condition] = []
        for (test, members) in tests {
            var values: [String: IAMPolicyDocument.Strings] = [:]
            for member in members {
                switch member.value.kind {
                case .string(let s):
                    values[member.key] = .many([s])
                case .bool(let b):
                    values[member.key] = .one(b ? "true" : "false")
                case .array(let items):
                    var list: [String] = []
                    for (i, item) in items.enumerated() {
                        guard case .string(let s) = item.kind else {
                            throw mismatch(item, "a string", at: "\(location).\(test).\(member.key)[\(i)]")
                        }
                        list.append(s)
                    }
                    values[member.key] = .many(list)
                case .null, .number, .object:
                    values[member.key] = nil
                }
            }
            for variable in values.keys.sorted(by: PolicyJSON.goLess) {
                if let v = values[variable] { out.append(IAMPolicyDocument.Condition(test: test, variable: variable, values: v)) }
            }
        }
        return out
    }

    private static func mismatch(_ node: JSONNode, _ expected: String, at location: String) -> IAMPolicyDocumentError {
        IAMPolicyDocumentError(.invalidDocument, "must be \(expected), found \(node.kindName)", at: location)
    }
}
