/// Whether a trust policy lets identities of another account assume the role.
extension PolicyAnalysis {
    /// A statement that does not deny names an AWS principal outside `account` (the role's own account): `*`, or an
    /// account ID or ARN of another account. With `account` nil (not known), any account-scoped principal makes
    /// the answer unknown; service and federated principals are other questions.
    public func trustsAnotherAccount(_ account: String?) -> PolicyAnswer {
        anyStatement("trusts an AWS principal of another account") { s in
            guard !s.principalsNegated else { return .false }
            let other = s.principals.reduce(Tristate.false) { result, p in
                guard p.isType("AWS") != .false else { return result || .unknown }
                var found = p.identifiers.hasUnknown ? Tristate.unknown : .false
                for id in p.identifiers.values {
                    guard let owner = Self.accountOf(id) else { continue }
                    if owner == "*" { return .true }
                    if let account { found = found || Tristate(owner != account) } else { found = found || .unknown }
                }
                return result || (p.isType("AWS") && found)
            }
            return s.denies.negated && (s.principalsUnknown ? other || .unknown : other)
        }
    }

    /// The account an AWS principal belongs to: `*` for anyone, the 12 digits of an account ID or of an
    /// `arn:…:iam::ACCOUNT:…` ARN; nil for anything else.
    static func accountOf(_ identifier: String) -> String? {
        if identifier == "*" { return "*" }
        if identifier.count == 12, identifier.allSatisfy(\.isASCIIDigit) { return identifier }
        let parts = identifier.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 6, parts[0] == "arn", parts[2] == "iam" else { return nil }
        if parts[4] == "*" { return "*" }
        return parts[4].count == 12 && parts[4].allSatisfy(\.isASCIIDigit) ? String(parts[4]) : nil
    }
}
