import Foundation

/// The features of one (principal, window). Order is the model's column order; changing it changes
/// `AnomalyModel.formatVersion`'s meaning, so new features are appended and the version bumped.
public enum Feature: Int, CaseIterable, Sendable, Codable {
    case events, writes, distinctActions, distinctServices, errorRatio, accessDeniedRatio
    case sensitive, sensitiveDistinct, sensitiveExcess
    case newActions, newRegions, newSourceIPs, newUserAgents, newSensitiveActions, noveltySurprise
    case hourRarity, weekdayRarity, volumeRatio, rootUse, consoleWithoutMFA
    case peerNewActions

    /// Stable machine name (CSV headers, JSON).
    public var name: String { String(describing: self) }

    /// Words for alert explanations.
    public var label: String {
        switch self {
        case .events: return "events"
        case .writes: return "write calls"
        case .distinctActions: return "distinct actions"
        case .distinctServices: return "distinct services"
        case .errorRatio: return "error ratio"
        case .accessDeniedRatio: return "access-denied ratio"
        case .sensitive: return "sensitive calls"
        case .sensitiveDistinct: return "distinct sensitive actions"
        case .sensitiveExcess: return "sensitive calls beyond the principal's usual burst"
        case .newActions: return "first-seen actions"
        case .newRegions: return "first-seen regions"
        case .newSourceIPs: return "first-seen source IPs"
        case .newUserAgents: return "first-seen user agents"
        case .newSensitiveActions: return "sensitive actions never used before"
        case .noveltySurprise: return "surprise of the novelties for this principal"
        case .hourRarity: return "hour-of-day rarity"
        case .weekdayRarity: return "weekday rarity"
        case .volumeRatio: return "volume vs own mean (log)"
        case .rootUse: return "root-account calls"
        case .consoleWithoutMFA: return "console sign-ins without MFA"
        case .peerNewActions: return "first-seen actions its peers never used either"
        }
    }

    /// Counts enter the model as log(1+x): the forest splits uniformly between min and max, and raw counts
    /// would spend nearly every split on the busiest principals' volumes.
    var isCount: Bool {
        switch self {
        case .errorRatio, .accessDeniedRatio, .hourRarity, .weekdayRarity, .volumeRatio, .noveltySurprise: return false
        default: return true
        }
    }

    /// The model's input value for a raw feature value.
    func modelValue(_ raw: Double) -> Float { Float(isCount ? log1pPositive(raw) : raw) }
}

/// log(1 + x) for x ≥ 0 (negative input counts as 0).
func log1pPositive(_ x: Double) -> Double { x > 0 ? log1p(x) : 0 }
