/// The cross-service confused deputy: a role that trusts an AWS service principal can be assumed by that service
/// acting for any customer's resource unless the trust names whose resource (`aws:SourceAccount`, `aws:SourceArn`, …).
extension PolicyAnalysis {
    /// Condition keys that tie a service's request to the account, organization or resource it acts for.
    static let sourceKeys: Set<String> = [
        "aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths", "aws:sourceowner",
    ]
    /// Services that only ever act for the account that owns the resource (AWS documents it for these two).
    static let sameAccountServices: Set<String> = ["secretsmanager.amazonaws.com", "eks.amazonaws.com"]

    /// A statement that does not deny lets an AWS service principal assume the role (`sts:AssumeRole`, `sts:*`,
    /// `*`) with no condition on the source account, organization or resource.
    public func trustsServiceWithoutSourceCondition() -> PolicyAnswer {
        let assume = catalogue.expand("sts:AssumeRole")
        return anyStatement("lets an AWS service assume the role without a source condition") { s in
            guard !s.principalsNegated, !s.actionsNegated else { return .false }
            let service = s.principals.reduce(Tristate.false) { result, p in
                result
                    || (p.isType("Service")
                        && p.identifiers.any { id in
                            let lower = id.lowercased()
                            let isService = lower == "*" || lower.hasSuffix(".amazonaws.com") || lower.hasSuffix(".amazon.com")
                            return isService && !Self.sameAccountServices.contains(lower)
                        })
            }
            let trusted = s.principalsUnknown ? service || .unknown : service
            let grants = catalogue.expand(s.actions.values).intersection(assume).isEmpty ? Tristate.false : .true
            let actions = s.actions.hasUnknown ? grants || .unknown : grants
            let pinned = s.conditions.contains { Self.sourceKeys.contains($0.key.lowercased()) } ? Tristate.true : .false
            let source = s.conditionsUnknown ? pinned || .unknown : pinned
            return s.denies.negated && trusted && actions && source.negated
        }
    }
}
