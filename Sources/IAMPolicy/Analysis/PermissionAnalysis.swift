/// Questions over the actions a policy allows without resource constraints (Resource `*`, no condition), after
/// wildcard expansion against the catalogue and with denied actions taken away where a Deny can take them.
extension PolicyAnalysis {
    /// Write-level actions that could be restricted to ARNs, allowed on Resource `*` without a condition.
    public func allowsWriteWithoutConstraints() -> PolicyAnswer {
        decide("write actions without resource constraints", denyRemoves: false) { view in
            view.unconstrained(restrictableAt: .write)
        }
    }

    /// Permissions-management actions that could be restricted to ARNs, allowed on Resource `*` without a condition.
    public func allowsPermissionsManagementWithoutConstraints() -> PolicyAnswer {
        decide("permissions-management actions without resource constraints", denyRemoves: false) { view in
            view.unconstrained(restrictableAt: .permissionsManagement)
        }
    }

    /// Actions that could be restricted to ARNs but are allowed on Resource `*` without a condition.
    public func allowsRestrictableActionsOnAnyResource() -> PolicyAnswer {
        decide("restrictable actions on Resource *", denyRemoves: true) { view in view.unrestricted }
    }

    /// Actions that return credentials, allowed without constraints.
    public func allowsCredentialsExposure() -> PolicyAnswer {
        decide("actions that return credentials", denyRemoves: true) { view in
            view.allowedWithoutConstraints.intersection(catalogue.credentialsExposure)
        }
    }

    /// Actions that read stored data or secrets wholesale, allowed without constraints.
    public func allowsDataExfiltration() -> PolicyAnswer {
        decide("actions that read data or secrets", denyRemoves: true) { view in
            view.allowedWithoutConstraints.intersection(catalogue.dataExfiltration)
        }
    }

    /// Every action of a privilege escalation path, allowed without constraints.
    public func allowsPrivilegeEscalation() -> PolicyAnswer {
        decide("a privilege escalation path", denyRemoves: true) { view in
            let allowed = view.allowedWithoutConstraints
            var out = catalogue.empty
            for needed in catalogue.escalationPaths where needed.isSubset(of: allowed) { out.formUnion(needed) }
            return out
        }
    }

    /// Whether `violations` of the statements whose relevant fields are known is non-empty, and whether the
    /// statements not known could change that: another Allow can only add actions, so FAILED stands unless a
    /// statement that may be a Deny could remove them (`denyRemoves`); PASSED needs every statement known.
    private func decide(_ what: String, denyRemoves: Bool, _ violations: (PermissionView) -> ActionSet) -> PolicyAnswer {
        let known = document.statements.filter(\.isKnown)
        let uncertain = document.statements.filter { !$0.isKnown }
        let found = violations(PermissionView(statements: known, catalogue: catalogue))
        if !found.isEmpty {
            let (names, count) = catalogue.sample(of: found, limit: 3)
            let sample = names.joined(separator: ", ") + (count > 3 ? ", … (\(count) actions)" : "")
            let mayDeny = document.statementsUnknown || uncertain.contains { $0.denies != .false }
            if denyRemoves, mayDeny {
                return PolicyAnswer(.unknown, "allows \(what) (\(sample)) unless a statement known only after apply denies them")
            }
            return PolicyAnswer(.true, "allows \(what): \(sample)")
        }
        if uncertain.isEmpty, !document.statementsUnknown {
            return PolicyAnswer(.false, "no statement allows \(what)")
        }
        // The statements not known, each at its worst, may still allow none of it.
        let worst = document.statements.compactMap(\.worstCase)
        if !document.statementsUnknown, violations(PermissionView(statements: worst, catalogue: catalogue)).isEmpty {
            return PolicyAnswer(.false, "no statement allows \(what), whatever the values known only after apply")
        }
        return PolicyAnswer(.unknown, "statements known only after apply may allow \(what)")
    }
}

extension PolicyStatement {
    /// The statement at its most permissive given what is unknown, for deciding that no value can produce a
    /// finding: a statement that may allow allows any action for an unknown one, on Resource `*` when its resources
    /// are unknown, and without condition when that is unknown; a Deny that may be absent or names unknown actions
    /// removes nothing (nil).
    var worstCase: PolicyStatement? {
        if isKnown { return self }
        if effect == .deny {
            return presence == .true && !actions.hasUnknown ? self : nil
        }
        var s = self
        s.effect = .allow
        s.presence = .true
        // Unknown actions may be any action; unknown NotAction entries may exclude none.
        if actions.hasUnknown { s.actions = PatternList(actionsNegated ? actions.values : actions.values + ["*"]) }
        if resources.hasUnknown, hasWildcardResource != .true, !resourcesNegated {
            s.resources = PatternList(resources.values + ["*"])
        }
        if hasCondition == .unknown { s.conditions = [] }
        s.conditionsUnknown = false
        return s
    }
}

/// The expanded actions of known statements, split by how they are constrained.
struct PermissionView {
    let statements: [PolicyStatement]
    let catalogue: ActionCatalogue
    /// Each statement's actions, expanded once.
    private let expansions: [ActionSet]
    /// Actions any Deny statement names.
    let denied: ActionSet

    init(statements: [PolicyStatement], catalogue: ActionCatalogue) {
        self.statements = statements
        self.catalogue = catalogue
        let expansions = statements.map { Self.expanded($0, catalogue) }
        var denied = catalogue.empty
        for (s, actions) in zip(statements, expansions) where s.effect == .deny { denied.formUnion(actions) }
        self.expansions = expansions
        self.denied = denied
    }

    /// The actions a statement names: `Action` expanded; for `NotAction`, the catalogue's other actions when the
    /// statement allows on Resource `*` (on named resources, or in a Deny, it is not read as granting or removing).
    private static func expanded(_ s: PolicyStatement, _ catalogue: ActionCatalogue) -> ActionSet {
        guard s.actionsNegated else { return catalogue.expand(s.actions.values) }
        guard s.effect == .allow, s.hasWildcardResource == .true else { return catalogue.empty }
        return catalogue.all.subtracting(catalogue.expand(s.actions.values))
    }

    /// The expanded actions of the unconditioned Allow statements (on Resource `*` only, when asked).
    private func unconditionedAllows(wildcardResource: Bool) -> [ActionSet] {
        zip(statements, expansions).compactMap { s, actions in
            let applies =
                s.effect == .allow && s.hasCondition == .false && (!wildcardResource || s.hasWildcardResource == .true)
            return applies ? actions : nil
        }
    }

    /// Restrictable actions at `level` in unconditioned Allow statements on Resource `*`.
    func unconstrained(restrictableAt level: AccessLevel) -> ActionSet {
        var out = catalogue.empty
        let mask = catalogue.restrictable.intersection(catalogue.actions(at: level))
        for actions in unconditionedAllows(wildcardResource: true) { out.formUnion(actions.intersection(mask)) }
        return out
    }

    /// Restrictable actions allowed on Resource `*` without a condition, less denied ones.
    var unrestricted: ActionSet {
        var out = catalogue.empty
        for actions in unconditionedAllows(wildcardResource: true) {
            out.formUnion(actions.intersection(catalogue.restrictable))
        }
        return out.subtracting(denied)
    }

    /// Actions that cannot be restricted to ARNs (or are not listed), allowed without a condition, less denied ones.
    var unrestrictable: ActionSet {
        var out = catalogue.empty
        for actions in unconditionedAllows(wildcardResource: false) {
            out.formUnion(actions.subtracting(catalogue.restrictable))
        }
        return out.subtracting(denied)
    }

    /// Both: what the policy allows with no resource or condition limiting it.
    var allowedWithoutConstraints: ActionSet {
        var out = unrestricted
        out.formUnion(unrestrictable)
        return out
    }
}
