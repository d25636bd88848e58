import Model

/// An event that is an alert on its own, whatever the model thinks: a trail stopped, root signing in.
public struct DetectionRule: Sendable {
    /// What a rule sees beside the event.
    public struct Context: Sendable {
        /// The principal's history, if any.
        public var profile: PrincipalProfile?
        /// Whether the principal counts as an administrator (name pattern or identity-admin history).
        public var isAdmin: Bool
    }

    public let id: String
    public let severity: Severity
    public let title: String
    /// The reason text when the event matches, else nil.
    public let match: @Sendable (ActivityEvent, Context) -> String?

    /// A rule; `match` returns the reason text when the event is an alert.
    public init(
        id: String, severity: Severity, title: String,
        match: @escaping @Sendable (ActivityEvent, Context) -> String?
    ) {
        self.id = id
        self.severity = severity
        self.title = title
        self.match = match
    }
}

/// The rules in force and how administrators are recognised.
public struct RuleSet: Sendable {
    public var rules: [DetectionRule]
    /// Case-insensitive substrings of a principal that mark it as an administrator (besides its history).
    public var adminPatterns: [String]

    /// The given rules (built-in by default) and administrator name patterns.
    public init(rules: [DetectionRule] = RuleSet.builtinRules, adminPatterns: [String] = ["admin"]) {
        self.rules = rules
        self.adminPatterns = adminPatterns.map { $0.lowercased() }
    }

    /// Rules matching `event`, with their reasons.
    public func evaluate(_ event: ActivityEvent, profile: PrincipalProfile?) -> [(rule: DetectionRule, reason: String)] {
        let lower = event.principal.lowercased()
        let admin = profile?.privileged == true || adminPatterns.contains { lower.contains($0) }
        let context = DetectionRule.Context(profile: profile, isAdmin: admin)
        return rules.compactMap { rule in rule.match(event, context).map { (rule, $0) } }
    }

    static func at(_ e: ActivityEvent) -> String {
        var s = "\(Timestamp.format(e.time)) \(e.action) by \(e.principal)"
        if !e.sourceIP.isEmpty { s += " from \(e.sourceIP)" }
        if !e.region.isEmpty { s += " in \(e.region)" }
        if let r = e.resource { s += " on \(r)" }
        return s
    }

    /// IAM calls that give a user credentials; built once, as the rules run on every event.
    static let credentialMintingActions: Set<String> = ["CreateAccessKey", "CreateLoginProfile", "UpdateLoginProfile"]

    /// The built-in rules (AWS CloudTrail and Azure Activity Log).
    public static let builtinRules: [DetectionRule] = [
        DetectionRule(id: "AWS-CLOUDTRAIL-STOPPED", severity: .critical, title: "CloudTrail logging stopped") { e, _ in
            e.cloud == .aws && e.action == "StopLogging" && !e.failed ? at(e) : nil
        },
        DetectionRule(id: "AWS-CLOUDTRAIL-DELETED", severity: .critical, title: "CloudTrail trail deleted") { e, _ in
            e.cloud == .aws && e.action == "DeleteTrail" && !e.failed ? at(e) : nil
        },
        DetectionRule(
            id: "AWS-CLOUDTRAIL-SELECTORS", severity: .high, title: "CloudTrail stopped recording management events"
        ) { e, _ in
            guard e.cloud == .aws, e.action == "PutEventSelectors", !e.failed else { return nil }
            let management = e.request["eventSelectors.includeManagementEvents"] ?? ""
            let rw = e.request["eventSelectors.readWriteType"] ?? ""
            let off = management.split(separator: ",").contains { $0 == "false" || $0 == "0" }
            return off || rw == "ReadOnly" ? at(e) + " (management events or writes no longer recorded)" : nil
        },
        DetectionRule(id: "AWS-ROOT-CONSOLE-LOGIN", severity: .high, title: "Root account console sign-in") { e, _ in
            e.cloud == .aws && e.consoleLogin && e.principalType == .root && !e.failed
                ? at(e) + (e.mfa == false ? " without MFA" : "") : nil
        },
        DetectionRule(
            id: "AWS-ADMIN-CONSOLE-NO-MFA", severity: .high, title: "Administrator console sign-in without MFA"
        ) { e, ctx in
            e.cloud == .aws && e.consoleLogin && e.principalType != .root && e.mfa == false && !e.failed && ctx.isAdmin
                ? at(e) + " (MFA not used)" : nil
        },
        DetectionRule(
            id: "AWS-IAM-CREDENTIALS-FOR-OTHER-USER", severity: .high,
            title: "Credentials created for another user by a non-administrator"
        ) { e, ctx in
            // Minting keys or a console password for someone else is identity administration; a principal that
            // has never administered identities doing it is the classic persistence backdoor.
            guard e.cloud == .aws, credentialMintingActions.contains(e.action), !e.failed, !ctx.isAdmin,
                let target = e.request["userName"], !e.principal.hasSuffix(":user/" + target)
            else { return nil }
            return at(e) + " for user \(target)"
        },
        DetectionRule(id: "AZURE-ELEVATE-ACCESS", severity: .critical, title: "Azure tenant access elevated") { e, _ in
            e.cloud == .azure && e.action == "microsoft.authorization/elevateaccess/action" && !e.failed ? at(e) : nil
        },
        DetectionRule(id: "AZURE-DIAGNOSTICS-DELETED", severity: .high, title: "Azure diagnostic setting deleted") { e, _ in
            e.cloud == .azure && e.action == "microsoft.insights/diagnosticsettings/delete" && !e.failed ? at(e) : nil
        },
    ]
}
