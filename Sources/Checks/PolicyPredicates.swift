import IAMPolicy
import Model

/// Built-in predicates over S3 policy documents and network security rules (IAM questions: `IAMPredicates`).
enum PolicyPredicates {
    static let all: [Predicate] = IAMPredicates.all + [s3DeniesInsecureTransport, securityRuleOpenToInternet]

    /// A Deny statement conditioned on `aws:SecureTransport` being false.
    static let s3DeniesInsecureTransport = Predicate(
        name: "s3_policy_denies_insecure_transport", rendersFrom: IAMPredicates.renderedPolicies
    ) { value in
        let document: PolicyDocument
        switch PolicyDocumentReader.read(value) {
        case .failure(let e): return e.outcome
        case .success(let d): document = d
        }
        var result = Outcome(.false, "no Deny statement on aws:SecureTransport = false")
        for (i, s) in document.statements.enumerated() {
            let t = Truth(s.denies && deniesInsecureTransport(s))
            if t == .true { return Outcome(.true, "statement \(i) denies aws:SecureTransport = false") }
            if t == .unknown, result.truth == .false {
                result = Outcome(.unknown, "statement \(i) has values known only after apply")
            }
        }
        if document.statementsUnknown, result.truth == .false {
            return Outcome(.unknown, "policy statements known only after apply")
        }
        return result
    }

    /// Whether a statement's condition tests `aws:SecureTransport` with `Bool` for `false`.
    private static func deniesInsecureTransport(_ statement: PolicyStatement) -> Tristate {
        var result = Tristate.false
        for test in statement.conditions
        where test.operator.lowercased() == "bool" && test.key.lowercased() == "aws:securetransport" {
            result = result || test.values.contains("false")
        }
        return statement.conditionsUnknown ? result || .unknown : result
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

    /// Case-insensitive string equality, unknown when the value is.
    private static func matches(_ value: Value, _ expected: String) -> Truth {
        if !value.isKnown { return .unknown }
        return Truth(ValueConversions.string(value)?.lowercased() == expected)
    }
}
