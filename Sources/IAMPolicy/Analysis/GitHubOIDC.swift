/// What makes a GitHub Actions OIDC trust statement's `sub` condition safe.
enum GitHubOIDC {
    /// Part of the provider ARN GitHub Actions tokens are federated through.
    static let providerMarker = "oidc-provider/token.actions.githubusercontent.com"

    /// Claims a workflow author (or anyone opening a pull request) controls, so leading with them pins nothing.
    static let choosableClaims = ["workflow", "environment", "ref", "context", "head_ref", "base_ref"]

    /// Whether the statement's `sub` conditions fail to pin a repository: none, or one value that does not.
    static func subjectUnsafe(_ s: PolicyStatement) -> Tristate {
        let tests = s.conditions.filter { isSubjectKey($0.key) }
        if tests.isEmpty { return s.conditionsUnknown ? .unknown : .true }
        var result = Tristate.false
        for test in tests {
            let wildcards = test.baseOperator == "stringlike"
            if test.values.values.contains(where: { unsafe($0, wildcards: wildcards) }) { return .true }
            if test.values.hasUnknown { result = .unknown }
        }
        return result
    }

    /// `token.actions.githubusercontent.com:sub`, or with an enterprise slug after the host.
    static func isSubjectKey(_ key: String) -> Bool {
        let lower = key.lowercased()
        let host = "token.actions.githubusercontent.com"
        guard lower.hasPrefix(host), lower.hasSuffix(":sub") else { return false }
        let middle = lower.dropFirst(host.count).dropLast(4)
        if middle.isEmpty { return true }
        guard middle.first == "/" else { return false }
        let slug = middle.dropFirst()
        return !slug.isEmpty && slug.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }

    /// Whether one `sub` value leaves the repository open.
    static func unsafe(_ value: String, wildcards: Bool) -> Bool {
        if value == "*" { return true }
        let claims = value.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard claims.count >= 2 else { return true }
        if claims[1] == "*" { return true }
        if choosableClaims.contains(where: { claims[0].hasPrefix($0) }) { return true }
        guard claims[0] == "repo" else { return false }
        return !namesRepository(claims[1], wildcards: wildcards)
    }

    /// `owner/name` (the owner may be a `${…}` interpolation), with no wildcard in the owner and, where the test
    /// reads wildcards, none standing for the whole repository name.
    static func namesRepository(_ path: String, wildcards: Bool) -> Bool {
        let parts = path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !parts[1].contains("/") else { return false }
        let owner = parts[0]
        let interpolated = owner.hasPrefix("${") && owner.hasSuffix("}")
        let ownerOK =
            interpolated
            || owner.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
        if !ownerOK { return false }
        return !(wildcards && parts[1] == "*")
    }
}
