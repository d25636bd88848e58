import Checks
import Model

/// The outcome of one account setting.
public struct SettingResult: Sendable, Hashable {
    /// `passed`, `failed`, or `unknown` when the holding resource type was not discovered or the value is unknown.
    public enum Status: String, Sendable, Hashable {
        case passed, failed, unknown
    }

    /// Setting name (`iam_password_policy.minimum_password_length`).
    public var setting: String
    /// Region or account the result is about, for per-region settings; nil for account-wide ones.
    public var subject: String?
    public var expected: Value
    /// The live value; nil when nothing was discovered.
    public var actual: Value?
    public var status: Status

    /// A result.
    public init(setting: String, subject: String? = nil, expected: Value, actual: Value?, status: Status) {
        self.setting = setting
        self.subject = subject
        self.expected = expected
        self.actual = actual
        self.status = status
    }
}

/// A check result kept out of enforcement by an exception.
public struct ExceptedResult: Sendable {
    public var result: CheckResult
    public var exception: BaselineException
}

/// Live check results seen through a baseline.
public struct BaselineFilterResult: Sendable {
    /// Results of enforced checks that no active exception covers.
    public var enforced: [CheckResult]
    /// Results covered by an active exception.
    public var excepted: [ExceptedResult]
    /// Results of checks the baseline does not enforce.
    public var notEnforcedCount: Int
    /// Warnings: expired exceptions, which no longer apply.
    public var diagnostics: [Diagnostic]
}

/// Evaluates a baseline against live resources and live check results.
public struct BaselineEvaluator: Sendable {
    public var baseline: SecurityBaseline
    /// The day exception expiry is judged on (UTC today by default).
    public var today: CalendarDate

    /// An evaluator.
    public init(baseline: SecurityBaseline, today: CalendarDate = .today()) {
        self.baseline = baseline
        self.today = today
    }

    /// Exceptions still valid today, and a warning for each expired one.
    public var activeExceptions: (exceptions: [BaselineException], diagnostics: [Diagnostic]) {
        var active: [BaselineException] = []
        var diagnostics: [Diagnostic] = []
        for e in baseline.exceptions {
            if e.expires < today {
                diagnostics.append(
                    Diagnostic(
                        .expiredSkip,
                        "exception for \(e.check) on \(e.resource) (owner \(e.owner)) expired on \(e.expires); the check applies again",
                        at: e.range, severity: .warning))
            } else {
                active.append(e)
            }
        }
        return (active, diagnostics)
    }

    /// Splits live check results into enforced, excepted and not enforced.
    public func filter(_ results: [CheckResult]) -> BaselineFilterResult {
        let (exceptions, diagnostics) = activeExceptions
        var out = BaselineFilterResult(enforced: [], excepted: [], notEnforcedCount: 0, diagnostics: diagnostics)
        var enforcedByCheck: [String: Bool] = [:]
        for result in results {
            let enforced = enforcedByCheck[result.checkID] ?? baseline.enforces(result.check)
            enforcedByCheck[result.checkID] = enforced
            guard enforced else {
                out.notEnforcedCount += 1
                continue
            }
            if let exception = exceptions.first(where: { $0.covers(result) }) {
                out.excepted.append(ExceptedResult(result: result, exception: exception))
            } else {
                out.enforced.append(result)
            }
        }
        return out
    }

    /// Evaluates every account setting on `live`. `discoveredTypes` names the types discovery read (nil: the
    /// types present in `live`); a setting whose type was not read is `unknown`, never passed or failed.
    public func evaluateSettings(live: [Resource], discoveredTypes: Set<String>? = nil) -> [SettingResult] {
        let discovered = discoveredTypes ?? Set(live.map(\.type))
        var byType: [String: [Resource]] = [:]
        for r in live { byType[r.type, default: []].append(r) }
        var results: [SettingResult] = []
        for requirement in baseline.settings {
            guard discovered.contains(requirement.resourceType) else {
                results.append(SettingResult(setting: requirement.setting, expected: requirement.expected, actual: nil, status: .unknown))
                continue
            }
            let candidates = (byType[requirement.resourceType] ?? []).filter { r in
                requirement.selector.allSatisfy { Self.equal(r.attributes[$0.key] ?? .null, $0.value) }
            }
            guard !candidates.isEmpty else {
                results.append(SettingResult(setting: requirement.setting, expected: requirement.expected, actual: .null, status: .failed))
                continue
            }
            switch requirement.quantifier {
            case .every:
                for r in candidates {
                    let actual = r.attributes[requirement.attribute] ?? .null
                    results.append(
                        SettingResult(
                            setting: requirement.setting, subject: Self.subject(r), expected: requirement.expected,
                            actual: actual, status: Self.status(actual, requirement)))
                }
            case .any:
                let statuses = candidates.map { Self.status($0.attributes[requirement.attribute] ?? .null, requirement) }
                let best = statuses.firstIndex(of: .passed) ?? statuses.firstIndex(of: .unknown) ?? 0
                results.append(
                    SettingResult(
                        setting: requirement.setting, expected: requirement.expected,
                        actual: candidates[best].attributes[requirement.attribute] ?? .null, status: statuses[best]))
            }
        }
        return results
    }

    private static func subject(_ resource: Resource) -> String? {
        guard case .live(let origin) = resource.origin else { return nil }
        return origin.region.map { "\(origin.account)/\($0)" } ?? origin.account
    }

    private static func status(_ actual: Value, _ requirement: AccountSettingRequirement) -> SettingResult.Status {
        if !actual.isKnown { return .unknown }
        switch requirement.comparison {
        case .equal:
            return equal(actual, requirement.expected) ? .passed : .failed
        case .atLeast, .atMost:
            guard let expected = requirement.expected.numberValue,
                let value = ValueConversions.number(actual)
            else { return .failed }
            return (requirement.comparison == .atLeast ? value >= expected : value <= expected) ? .passed : .failed
        }
    }

    private static func equal(_ a: Value, _ b: Value) -> Bool {
        guard let x = ValueConversions.string(a), let y = ValueConversions.string(b) else { return a == b }
        return x.lowercased() == y.lowercased()
    }
}
