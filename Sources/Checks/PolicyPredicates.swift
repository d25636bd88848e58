import HCL
import Model

/// Built-in predicates over IAM/S3 policy documents and network security rules.
enum PolicyPredicates {
    static let all: [Predicate] = [iamWildcardAdmin, s3DeniesInsecureTransport, securityRuleOpenToInternet]

    /// An Allow statement with Action `*` on Resource `*` (JSON policy string or object, or an
    /// `aws_iam_policy_document` with `statement` blocks).
    static let iamWildcardAdmin = Predicate(name: "iam_policy_allows_wildcard_admin") { value in
        let statements: [Value]
        switch document(value) {
        case .failure(let e): return e.outcome
        case .success(let s): statements = s
        }
        var result = Outcome(.false, "no statement allows * on *")
        for (i, s) in statements.enumerated() {
            let allow = matches(field(s, "Effect", "effect") ?? .string("Allow"), "allow")
            let action = includes(field(s, "Action", "actions"), "*")
            let resource = includes(field(s, "Resource", "resources"), "*")
            let t = allow && action && resource
            if t == .true { return Outcome(.true, "statement \(i) allows Action * on Resource *") }
            if t == .unknown, result.truth == .false {
                result = Outcome(.unknown, "statement \(i) has values known only after apply")
            }
        }
        return result
    }

    /// A Deny statement conditioned on `aws:SecureTransport` being false.
    static let s3DeniesInsecureTransport = Predicate(name: "s3_policy_denies_insecure_transport") { value in
        let statements: [Value]
        switch document(value) {
        case .failure(let e): return e.outcome
        case .success(let s): statements = s
        }
        var result = Outcome(.false, "no Deny statement on aws:SecureTransport = false")
        for (i, s) in statements.enumerated() {
            let deny = matches(field(s, "Effect", "effect") ?? .null, "deny")
            var secure = Truth.false
            if let condition = field(s, "Condition", "condition") {
                if !condition.isKnown {
                    secure = .unknown
                } else if let bool = memberIgnoringCase(condition, "Bool") {
                    if let flag = memberIgnoringCase(bool, "aws:SecureTransport") {
                        secure = includes(flag, "false")
                    } else if !bool.isKnown {
                        secure = .unknown
                    }
                }
            }
            let t = deny && secure
            if t == .true { return Outcome(.true, "statement \(i) denies aws:SecureTransport = false") }
            if t == .unknown, result.truth == .false {
                result = Outcome(.unknown, "statement \(i) has values known only after apply")
            }
        }
        return result
    }

    /// An inbound Allow rule whose source is any address (`*`, `Internet`, `0.0.0.0/0`, `::/0`).
    static let securityRuleOpenToInternet = Predicate(name: "security_rule_open_to_internet") { value in
        guard let rule = value.members else {
            return value.isKnown ? Outcome(.false, "not a security rule") : Outcome(.unknown, "rule known only after apply")
        }
        let inbound = matches(rule["direction"] ?? .null, "inbound")
        let allow = matches(rule["access"] ?? .null, "allow")
        var source = Truth.false
        for key in ["source_address_prefix", "source_address_prefixes"] {
            guard let prefixes = rule[key] else { continue }
            if !prefixes.isKnown {
                source = source || .unknown
                continue
            }
            for prefix in ValueConversions.asCollection(prefixes) {
                if !prefix.isKnown {
                    source = source || .unknown
                    continue
                }
                guard let s = prefix.stringValue?.trimmingWhitespace() else { continue }
                if ["*", "any", "internet", "0.0.0.0", "0.0.0.0/0", "::/0"].contains(s.lowercased()) { source = .true }
            }
        }
        let t = inbound && allow && source
        switch t {
        case .true: return Outcome(.true, "inbound Allow rule from any source")
        case .false: return Outcome(.false, "rule is not an inbound Allow from any source")
        case .unknown: return Outcome(.unknown, "rule direction, access or source known only after apply")
        }
    }

    /// The statements of a policy value, or the outcome to report when there are none to read.
    private static func document(_ value: Value) -> Result<[Value], OutcomeError> {
        var doc = value
        switch value {
        case .unknown:
            return .failure(OutcomeError(Outcome(.unknown, "policy known only after apply")))
        case .null:
            return .failure(OutcomeError(Outcome(.false, "no policy")))
        case .string(let text):
            guard let parsed = (try? JSONParser.parse(text, filename: "policy"))?.value else {
                return .failure(OutcomeError(Outcome(.false, "policy is not valid JSON")))
            }
            doc = parsed
        default:
            if let rendered = renderedDocument(of: value) { return rendered }
        }
        guard let members = doc.members else {
            return .failure(OutcomeError(Outcome(.false, "policy is not a JSON object")))
        }
        guard let statement = members["Statement"] ?? members["statement"] else { return .success([]) }
        if !statement.isKnown {
            return .failure(OutcomeError(Outcome(.unknown, "policy statements known only after apply")))
        }
        if statement.members != nil { return .success([statement]) }
        return .success(statement.elements ?? [])
    }

    /// Arguments through which other documents merge into an `aws_iam_policy_document`'s statement blocks.
    private static let mergedDocumentArguments = ["source_policy_documents", "override_policy_documents", "source_json", "override_json"]

    /// For an `aws_iam_policy_document` that carries its rendered `json`: that document, which has the source and
    /// override documents merged in. When `json` is unknown the statement blocks still decide, unless other
    /// documents merge into them (a source may add a statement, an override may replace one by Sid).
    /// Nil when the value is not such a data source (its statement blocks are read as they are).
    private static func renderedDocument(of value: Value) -> Result<[Value], OutcomeError>? {
        guard let members = value.members, let rendered = members["json"] else { return nil }
        if case .string = rendered { return document(rendered) }
        let merges = mergedDocumentArguments.contains { name in
            guard let v = members[name] else { return false }
            return !v.isNull && v != .string("") && v.elements?.isEmpty != true
        }
        guard merges else { return nil }
        return .failure(OutcomeError(Outcome(.unknown, "policy document merges documents known only after apply")))
    }

    /// Wraps an outcome so that `Result` can carry it as its failure.
    struct OutcomeError: Error {
        let outcome: Outcome
        init(_ outcome: Outcome) { self.outcome = outcome }
    }

    private static func field(_ statement: Value, _ jsonName: String, _ hclName: String) -> Value? {
        statement[jsonName] ?? statement[hclName]
    }

    private static func memberIgnoringCase(_ value: Value, _ name: String) -> Value? {
        guard let members = value.members else { return nil }
        let lower = name.lowercased()
        return members.first { $0.key.lowercased() == lower }?.value
    }

    /// Case-insensitive string equality, unknown when the value is.
    private static func matches(_ value: Value, _ expected: String) -> Truth {
        if !value.isKnown { return .unknown }
        return Truth(ValueConversions.string(value)?.lowercased() == expected)
    }

    /// The value is `expected` or a collection containing it (Kleene over unknown elements).
    private static func includes(_ value: Value?, _ expected: String) -> Truth {
        guard let value else { return .false }
        var result = Truth.false
        for item in ValueConversions.asCollection(value) {
            if !item.isKnown {
                result = result || .unknown
                continue
            }
            if ValueConversions.string(item)?.lowercased() == expected { return .true }
        }
        return result
    }
}
