import Checks
import Model

/// What a target enforces on its live estate: which checks and frameworks, from which severity, which
/// account-level settings Terraform does not own, and which exceptions (with owner and expiry) are granted.
///
/// Named `SecurityBaseline` to keep it apart from `Checks.FindingBaseline`, the accepted-findings file of `bulwark scan`.
public struct SecurityBaseline: Sendable, Hashable {
    /// The baseline's name (`aws-production`).
    public var name: String
    /// `aws` or `azure`.
    public var provider: String
    /// Check IDs or `*` patterns that are enforced; empty with no frameworks means every check.
    public var checks: [String]
    /// Check IDs or patterns never enforced, even when a framework selects them.
    public var excludedChecks: [String]
    /// Framework IDs (`cis-aws`): every check evidencing one of their controls is enforced.
    public var frameworks: [String]
    /// Lowest severity enforced; nil enforces all.
    public var severityThreshold: Severity?
    /// Account-level settings to verify on the live estate.
    public var settings: [AccountSettingRequirement]
    /// Findings accepted until a date.
    public var exceptions: [BaselineException]
    /// The file it was loaded from.
    public var file: String
    /// Check IDs whose live fixes may be applied without a person's approval when the target's remediation mode is
    /// `auto` (`auto_remediate:`); exact IDs, no patterns, so nothing is auto-fixed by accident of a wildcard.
    public var autoRemediate: [String] = []

    /// A baseline.
    public init(
        name: String, provider: String, checks: [String] = [], excludedChecks: [String] = [], frameworks: [String] = [],
        severityThreshold: Severity? = nil, settings: [AccountSettingRequirement] = [],
        exceptions: [BaselineException] = [], file: String = ""
    ) {
        self.name = name
        self.provider = provider
        self.checks = checks
        self.excludedChecks = excludedChecks
        self.frameworks = frameworks
        self.severityThreshold = severityThreshold
        self.settings = settings
        self.exceptions = exceptions
        self.file = file
    }

    /// Whether the baseline enforces `check`: selected by ID or framework, not excluded, at or above the threshold.
    public func enforces(_ check: CheckDefinition) -> Bool {
        let id = check.id.uppercased()
        if excludedChecks.contains(where: { Wildcard.matches($0.uppercased(), id) }) { return false }
        if let threshold = severityThreshold, check.severity < threshold { return false }
        if checks.isEmpty && frameworks.isEmpty { return true }
        return checks.contains { Wildcard.matches($0.uppercased(), id) } || frameworks.contains { check.references.cis[$0] != nil }
    }
}

/// An accepted finding: a check on resources matching a pattern, with a reason, an owner and a last day.
public struct BaselineException: Sendable, Hashable {
    /// Check ID or `*` pattern.
    public var check: String
    /// Resource address or ID pattern (`*` wildcards).
    public var resource: String
    /// Why the finding is accepted.
    public var reason: String
    /// Who answers for it.
    public var owner: String
    /// Last day the exception applies; afterwards it is reported and ignored.
    public var expires: CalendarDate
    /// Where it is written.
    public var range: SourceRange?

    /// An exception.
    public init(check: String, resource: String, reason: String, owner: String, expires: CalendarDate, range: SourceRange? = nil) {
        self.check = check
        self.resource = resource
        self.reason = reason
        self.owner = owner
        self.expires = expires
        self.range = range
    }

    /// Whether the exception covers `result`.
    public func covers(_ result: CheckResult) -> Bool {
        Wildcard.matches(check.uppercased(), result.checkID.uppercased()) && Wildcard.matches(resource, result.resourceAddress)
    }
}

/// One account-level setting to verify: an attribute of a live resource type compared with an expected value.
public struct AccountSettingRequirement: Sendable, Hashable {
    /// How the live value is compared with the expected one.
    public enum Comparison: String, Sendable, Hashable {
        /// Same scalar (strings case-insensitively: APIs disagree on `Standard`/`standard`).
        case equal
        /// A number at least the expected one (minimum password length).
        case atLeast = "at_least"
        /// A number at most the expected one (maximum password age).
        case atMost = "at_most"
    }

    /// Which resources must satisfy it.
    public enum Quantifier: String, Sendable, Hashable {
        /// Each instance (one per region or account), and at least one must exist.
        case every
        /// At least one instance (a multi-region trail).
        case any
    }

    /// Name in reports, e.g. `iam_password_policy.minimum_password_length`.
    public var setting: String
    /// Live resource type holding it.
    public var resourceType: String
    /// Attribute compared.
    public var attribute: String
    /// Only instances whose attributes equal these are considered (`resource_type = VirtualMachines`).
    public var selector: [String: Value]
    public var expected: Value
    public var comparison: Comparison
    public var quantifier: Quantifier
    /// Where the baseline asks for it.
    public var range: SourceRange?

    /// A requirement.
    public init(
        setting: String, resourceType: String, attribute: String, selector: [String: Value] = [:], expected: Value,
        comparison: Comparison = .equal, quantifier: Quantifier = .every, range: SourceRange? = nil
    ) {
        self.setting = setting
        self.resourceType = resourceType
        self.attribute = attribute
        self.selector = selector
        self.expected = expected
        self.comparison = comparison
        self.quantifier = quantifier
        self.range = range
    }
}
