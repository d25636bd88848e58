import HCL
import Model

/// Built-in predicates over IAM/S3 policy documents and network security rules.
enum PolicyPredicates {
    static let all: [Predicate] = [iamWildcardAdmin, s3DeniesInsecureTransport, securityRuleOpenToInternet]

    /// An Allow statement with Action `*` on Resource `*` (JSON policy string or object, or an
    /// `aws_iam_policy_document` with `statement` blocks).
    static let iamWildcardAdmin = Predicate(name: "iam_policy_allows_wildcard_admin", rendersFrom: renderedPolicies) { value in
        let statements: [PolicyDocumentMerge.Candidate]
        switch document(value) {
        case .failure(let e): return e.outcome
        case .success(let s): statements = s
        }
        var result = Outcome(.false, "no statement allows * on *")
        for (i, candidate) in statements.enumerated() {
            let s = candidate.statement
            let allow = matches(field(s, "Effect", "effect") ?? .string("Allow"), "allow")
            let action = includes(field(s, "Action", "actions"), "*")
            let resource = includes(field(s, "Resource", "resources"), "*")
            let t = candidate.kept && allow && action && resource
            if t == .true { return Outcome(.true, "statement \(i) allows Action * on Resource *") }
            if t == .unknown, result.truth == .false {
                result = Outcome(.unknown, "statement \(i) has values known only after apply")
            }
        }
        return result
    }

    /// A Deny statement conditioned on `aws:SecureTransport` being false.
    static let s3DeniesInsecureTransport = Predicate(name: "s3_policy_denies_insecure_transport", rendersFrom: renderedPolicies) {
        value in
        let statements: [PolicyDocumentMerge.Candidate]
        switch document(value) {
        case .failure(let e): return e.outcome
        case .success(let s): statements = s
        }
        var result = Outcome(.false, "no Deny statement on aws:SecureTransport = false")
        for (i, candidate) in statements.enumerated() {
            let s = candidate.statement
            let deny = matches(field(s, "Effect", "effect") ?? .null, "deny")
            let secure = conditionsOnInsecureTransport(field(s, "Condition", "condition"))
            let t = candidate.kept && deny && secure
            if t == .true { return Outcome(.true, "statement \(i) denies aws:SecureTransport = false") }
            if t == .unknown, result.truth == .false {
                result = Outcome(.unknown, "statement \(i) has values known only after apply")
            }
        }
        return result
    }

    /// Whether a statement's condition tests `aws:SecureTransport` with `Bool` for `false`: a JSON `Condition`
    /// object, or the `condition` blocks of an `aws_iam_policy_document` statement (`test`, `variable`, `values`).
    private static func conditionsOnInsecureTransport(_ condition: Value?) -> Truth {
        guard let condition else { return .false }
        if !condition.isKnown { return .unknown }
        if let bool = memberIgnoringCase(condition, "Bool") {
            if let flag = memberIgnoringCase(bool, "aws:SecureTransport") { return includes(flag, "false") }
            return bool.isKnown ? .false : .unknown
        }
        guard let blocks = condition.elements else { return .false }
        var result = Truth.false
        for block in blocks {
            guard block.isKnown else {
                result = result || .unknown
                continue
            }
            let test = matches(block["test"] ?? .null, "bool")
            let variable = matches(block["variable"] ?? .null, "aws:securetransport")
            result = result || (test && variable && includes(block["values"], "false"))
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

    /// Data source attributes rendered from policy statements, decided from the statements when unknown.
    private static let renderedPolicies = [
        RenderedAttribute(type: "aws_iam_policy_document", attribute: "json"),
        RenderedAttribute(type: "aws_iam_policy_document", attribute: "minified_json"),
    ]

    /// The statements of a policy value, or the outcome to report when there are none to read.
    private static func document(_ value: Value) -> Result<[PolicyDocumentMerge.Candidate], OutcomeError> {
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
        return .success(statementList(statement).map { PolicyDocumentMerge.Candidate(statement: $0, kept: .true) })
    }

    /// A known `Statement` member as a list: one object, or the list's elements.
    private static func statementList(_ statement: Value) -> [Value] {
        if statement.members != nil { return [statement] }
        return statement.elements ?? []
    }

    /// Arguments through which other documents merge into an `aws_iam_policy_document`'s statement blocks.
    private static let mergedDocumentArguments = ["source_policy_documents", "override_policy_documents", "source_json", "override_json"]

    /// For an `aws_iam_policy_document` that carries its rendered `json`: that document, which has the source and
    /// override documents merged in. When `json` is unknown the statement blocks still decide, together with the
    /// statements of the documents merged into them (a source may add a statement, an override may replace one by
    /// Sid); a merged document that is itself unknown leaves the policy unknown.
    /// Nil when the value is not such a data source (its statement blocks are read as they are).
    private static func renderedDocument(of value: Value) -> Result<[PolicyDocumentMerge.Candidate], OutcomeError>? {
        guard let members = value.members, let rendered = members["json"] else { return nil }
        if case .string = rendered { return document(rendered) }
        let merges = mergedDocumentArguments.contains { name in
            guard let v = members[name] else { return false }
            return !v.isNull && v != .string("") && v.elements?.isEmpty != true
        }
        guard merges else { return nil }
        let own = members["statement"] ?? .null
        if !own.isKnown {
            return .failure(OutcomeError(Outcome(.unknown, "policy statements known only after apply")))
        }
        guard let candidates = PolicyDocumentMerge.candidates(members, ownStatements: statementList(own)) else {
            return .failure(OutcomeError(Outcome(.unknown, "policy document merges documents known only after apply")))
        }
        return .success(candidates)
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
