/// Questions about a role's trust policy (`assume_role_policy`): who may assume the role.
extension PolicyAnalysis {
    /// A statement that does not deny and names the AWS principal `*`, whatever its condition: any AWS account's
    /// identities may try to assume the role.
    public func trustsAnyAWSPrincipal() -> PolicyAnswer {
        anyStatement("trusts AWS principal *") { s in
            guard !s.principalsNegated else { return .false }
            let aws = s.principals.reduce(Tristate.false) { $0 || ($1.isType("AWS") && $1.identifiers.contains("*")) }
            return s.denies.negated && (s.principalsUnknown ? aws || .unknown : aws)
        }
    }

    /// A statement that does not deny and trusts a whole account (`123456789012` or `arn:…:iam::123456789012:root`),
    /// so that every identity of that account allowed `sts:AssumeRole` may assume the role.
    public func trustsWholeAccount() -> PolicyAnswer {
        anyStatement("trusts a whole account") { s in
            guard !s.principalsNegated else { return .false }
            let aws = s.principals.reduce(Tristate.false) { $0 || ($1.isType("AWS") && $1.identifiers.any(Self.isAccountRoot)) }
            return s.denies.negated && (s.principalsUnknown ? aws || .unknown : aws)
        }
    }

    /// A statement that lets GitHub Actions' OIDC provider assume the role without pinning the `sub` claim to a
    /// repository: no condition on `sub`, or a `sub` value that is `*`, a bare claim name, a wildcard claim value
    /// (`repo:*`, `repo:org/*` under a `StringLike` test), a value led by a claim others can choose (workflow,
    /// environment, ref, …), or a `repo:` value that names no repository.
    public func trustsGitHubActionsWithoutSubject() -> PolicyAnswer {
        anyStatement("trusts GitHub Actions without pinning the sub claim to a repository") { s in
            let github = s.principals.reduce(Tristate.false) { result, p in
                result || (p.isType("Federated") && p.identifiers.any { $0.contains(GitHubOIDC.providerMarker) })
            }
            let federated = s.principalsNegated ? Tristate.false : (s.principalsUnknown ? github || .unknown : github)
            return s.denies.negated && federated && GitHubOIDC.subjectUnsafe(s)
        }
    }

    /// A statement that trusts a federated web identity or OIDC provider (not SAML) with no condition on the
    /// audience (`…:aud`), so tokens minted for any client of that provider are accepted.
    public func trustsFederatedWithoutAudience() -> PolicyAnswer {
        anyStatement("trusts a federated provider without an audience condition") { s in
            let federated = s.principals.reduce(Tristate.false) { result, p in
                result || (p.isType("Federated") && p.identifiers.any { !$0.lowercased().contains(":saml-provider/") })
            }
            let trusted = s.principalsNegated ? Tristate.false : (s.principalsUnknown ? federated || .unknown : federated)
            let audience = s.conditions.contains { $0.key.lowercased().hasSuffix(":aud") } ? Tristate.true : .false
            let pinned = s.conditionsUnknown ? audience || .unknown : audience
            return s.denies.negated && trusted && pinned.negated
        }
    }

    /// `123456789012…` or `arn:<partition>:iam::123456789012:root`.
    static func isAccountRoot(_ identifier: String) -> Bool {
        let digits = identifier.prefix(12)
        if digits.count == 12, digits.allSatisfy(\.isASCIIDigit) { return true }
        let parts = identifier.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 6 && parts[0] == "arn" && parts[1].hasPrefix("aws") && parts[2] == "iam"
            && parts[4].count == 12 && parts[4].allSatisfy(\.isASCIIDigit) && parts[5] == "root"
    }
}

extension Character {
    /// 0–9.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
