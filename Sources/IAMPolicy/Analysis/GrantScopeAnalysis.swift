/// Questions about what a policy grants on every resource: a whole service, one sensitive action, or the
/// assumption of any role. A condition does not narrow a grant on Resource `*` here (a condition on the request
/// still leaves every resource in scope); an unconditioned Deny on Resource `*` takes actions away. Statements that
/// name a principal belong to resource policies (a key policy), where `*` is the resource itself: not counted.
extension PolicyAnalysis {
    /// Every action of `service` (`kms`, `cloudtrail`) is allowed on Resource `*` and not denied there: the holder
    /// can do anything to every resource of that service, such as scheduling every key for deletion.
    public func allowsFullService(_ service: String) -> PolicyAnswer {
        let target = catalogue.expand("\(service):*")
        return decideGrant("every \(service) action on Resource *") { statements in
            !target.isEmpty && target.isSubset(of: grantedOnAnyResource(statements))
        }
    }

    /// `action` is allowed on Resource `*` and not denied there.
    public func allowsOnAnyResource(_ action: String) -> PolicyAnswer {
        let target = catalogue.expand(action)
        return decideGrant("\(action) on Resource *") { statements in
            !target.isEmpty && target.isSubset(of: grantedOnAnyResource(statements))
        }
    }

    /// An Allow statement without condition grants `sts:AssumeRole` on a resource pattern with a wildcard
    /// (`*`, `arn:aws:iam::*:role/*`): the holder may assume any role whose trust lets it, in any account.
    public func allowsAssumingAnyRole() -> PolicyAnswer {
        let assume = catalogue.expand("sts:AssumeRole")
        return anyStatement("allows sts:AssumeRole on a wildcard resource without a condition") { s in
            guard s.isIdentityStatement, !s.actionsNegated, !s.resourcesNegated else { return .false }
            let grants = catalogue.expand(s.actions.values).intersection(assume).isEmpty ? Tristate.false : .true
            let actions = s.actions.hasUnknown ? grants || .unknown : grants
            let wildcard = s.resources.any { $0.contains("*") }
            return s.allows && actions && wildcard && s.hasCondition.negated
        }
    }

    /// The actions the Allow statements grant on Resource `*`, less those an unconditioned Deny on Resource `*`
    /// names (`NotAction` on Resource `*` grants or denies the rest of the catalogue).
    func grantedOnAnyResource(_ statements: [PolicyStatement]) -> ActionSet {
        var allowed = catalogue.empty
        var denied = catalogue.empty
        for s in statements where s.isIdentityStatement && s.hasWildcardResource == .true {
            let named = catalogue.expand(s.actions.values)
            let actions = s.actionsNegated ? catalogue.all.subtracting(named) : named
            if s.effect == .allow {
                allowed.formUnion(actions)
            } else if s.effect == .deny, s.hasCondition == .false {
                denied.formUnion(actions)
            }
        }
        return allowed.subtracting(denied)
    }

    /// Whether `holds` of the statements whose fields are known, and whether those known only after apply could
    /// change that: any of them may be a Deny that takes the grant away, or (at its most permissive) add it.
    func decideGrant(_ what: String, _ holds: ([PolicyStatement]) -> Bool) -> PolicyAnswer {
        let known = document.statements.filter(\.isKnown)
        let uncertain = document.statements.filter { !$0.isKnown }
        if holds(known) {
            let mayDeny = document.statementsUnknown || uncertain.contains { $0.denies != .false }
            return mayDeny
                ? PolicyAnswer(.unknown, "allows \(what) unless a statement known only after apply denies it")
                : PolicyAnswer(.true, "allows \(what)")
        }
        if uncertain.isEmpty, !document.statementsUnknown { return PolicyAnswer(.false, "no statement allows \(what)") }
        if !document.statementsUnknown, !holds(document.statements.compactMap(\.worstCase)) {
            return PolicyAnswer(.false, "no statement allows \(what), whatever the values known only after apply")
        }
        return PolicyAnswer(.unknown, "statements known only after apply may allow \(what)")
    }
}

extension PolicyStatement {
    /// The statement names no principal, as in an identity policy.
    var isIdentityStatement: Bool { principals.isEmpty && !principalsUnknown }
}
