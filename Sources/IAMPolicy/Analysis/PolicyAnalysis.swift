/// The questions checks ask of an identity or resource policy, answered three-valued: unknown when the answer
/// depends on a statement, or a field of one, that is known only after apply.
public struct PolicyAnalysis: Sendable {
    public let document: PolicyDocument
    let catalogue: ActionCatalogue

    /// Analyses `document` against `catalogue`.
    public init(_ document: PolicyDocument, catalogue: ActionCatalogue = .standard) {
        self.document = document
        self.catalogue = catalogue
    }

    /// An Allow statement with Action `*` on Resource `*`.
    public func allowsFullAdmin() -> PolicyAnswer {
        anyStatement("allows Action * on Resource *") { s in
            s.allows && s.names(action: "*") && s.hasWildcardResource
        }
    }

    /// An Allow statement whose Action lists `*`.
    public func allowsAnyAction() -> PolicyAnswer {
        anyStatement("allows Action *") { s in s.allows && s.names(action: "*") }
    }

    /// An Allow statement whose Action lists `iam:*` or `*`, on any resource.
    public func allowsFullIAM() -> PolicyAnswer {
        anyStatement("allows all IAM actions") { s in s.allows && (s.names(action: "iam:*") || s.names(action: "*")) }
    }

    /// An Allow statement without condition whose principal is anyone (`"*"` or `{"AWS": "*"}`).
    public func grantsAnyPrincipal() -> PolicyAnswer {
        anyStatement("grants to any principal without a condition") { s in
            guard !s.principalsNegated else { return .false }
            let anyone = s.principals.reduce(Tristate.false) { $0 || $1.isAnyone }
            let principal = s.principalsUnknown ? (anyone || .unknown) : anyone
            return s.denies.negated && s.hasCondition.negated && principal
        }
    }

    /// The first statement for which `test` holds, Kleene over statements and unknown statement lists.
    func anyStatement(_ what: String, _ test: (PolicyStatement) -> Tristate) -> PolicyAnswer {
        var result = PolicyAnswer(.false, "no statement \(what)")
        for (i, s) in document.statements.enumerated() {
            switch test(s) {
            case .true: return PolicyAnswer(.true, "statement \(i) \(what)")
            case .unknown where result.truth == .false:
                result = PolicyAnswer(.unknown, "statement \(i) has values known only after apply")
            default: break
            }
        }
        if document.statementsUnknown, result.truth == .false {
            return PolicyAnswer(.unknown, "policy statements known only after apply")
        }
        return result
    }
}
