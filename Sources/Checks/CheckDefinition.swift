import Model

/// One security check: metadata plus a compiled condition that a resource of `resourceTypes` must satisfy.
public struct CheckDefinition: Sendable, Identifiable {
    /// Stable ID, `BLW-<PROVIDER>-<SERVICE>-NNN` for Bulwark checks, the policy's own ID for Checkov policies.
    public var id: String
    public var title: String
    public var description: String
    public var severity: Severity
    /// `aws`, `azure`, or for imported policies the provider implied by the resource types.
    public var provider: String
    /// Resource types the check applies to; `["*"]` applies to every type.
    public var resourceTypes: [String]
    public var condition: Condition
    public var remediation: String
    public var references: CheckReferences
    /// Where the check was defined, for diagnostics about the check itself.
    public var source: SourceRange?
    /// How a failure is fixed in Terraform, when the check declares it (`fix:` in the check file).
    public var fix: FixSpec?
    /// The check reads what only the cloud knows (the credential report, a key's state): it runs on live
    /// resources only, because on a configuration its attributes are not there and an absence would read as a pass.
    public var liveOnly: Bool

    /// Builds a check in code (tests, built-ins); files go through `CheckLoader`.
    public init(
        id: String, title: String, description: String = "", severity: Severity, provider: String,
        resourceTypes: [String], condition: Condition, remediation: String = "",
        references: CheckReferences = CheckReferences(), source: SourceRange? = nil, fix: FixSpec? = nil,
        liveOnly: Bool = false
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.severity = severity
        self.provider = provider
        self.resourceTypes = resourceTypes
        self.condition = condition
        self.remediation = remediation
        self.references = references
        self.source = source
        self.fix = fix
        self.liveOnly = liveOnly
    }
}

/// IDs of equivalent rules in other tools and the compliance controls a check supports.
public struct CheckReferences: Sendable, Hashable {
    /// Checkov IDs (`CKV_AWS_53`); `#checkov:skip=` comments naming them skip this check.
    public var checkov: [String]
    /// Aqua vulnerability database IDs (`AVD-AWS-0086`); `#trivy:ignore:` and `#tfsec:ignore:` match them.
    public var avd: [String]
    /// tfsec long IDs (`aws-s3-block-public-acls`); `#tfsec:ignore:` and `#trivy:ignore:` match them.
    public var tfsec: [String]
    /// Compliance framework ID → control IDs (`cis-aws` → `["2.1.4"]`).
    public var cis: [String: [String]]

    /// References; all empty by default.
    public init(checkov: [String] = [], avd: [String] = [], tfsec: [String] = [], cis: [String: [String]] = [:]) {
        self.checkov = checkov
        self.avd = avd
        self.tfsec = tfsec
        self.cis = cis
    }
}

extension Diagnostic.Code {
    /// A check, policy, skip or framework file that does not follow its schema.
    public static let invalidCheck: Diagnostic.Code = "invalid_check"
    /// A configured skip whose expiry date has passed.
    public static let expiredSkip: Diagnostic.Code = "expired_skip"
}
