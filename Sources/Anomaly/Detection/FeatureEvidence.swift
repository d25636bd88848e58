/// Tells abuse from novelty in a scored window. Novelty of place, client or time (a new IP, a CLI upgrade, a
/// late hour) is common in benign history and is never enough on its own for a model alert; volume far beyond the
/// principal's own baseline is enough even when the forest's score stays under the threshold, because a
/// principal abusing its own access from its usual host changes nothing but volume.
public enum FeatureEvidence {
    /// Features that only say where from, with what client or when: weighed by the forest, never alerting alone.
    public static let noveltyOnly: Set<Feature> = [
        .newSourceIPs, .newUserAgents, .newRegions, .noveltySurprise, .hourRarity, .weekdayRarity,
    ]

    /// Windows of own history needed before a volume burst is judged against the principal's baseline.
    public static let minimumHistory = 12

    /// Whether the window departs from the principal's baseline in something other than novelty of place,
    /// client or time. A principal with no history of its own is judged against its peer group when it has one
    /// (a new hire doing what the team does is no evidence); without peers the forest alone decides.
    public static func beyondNovelty(_ row: FeatureRow, profile: PrincipalProfile?, hasPeers: Bool = false) -> Bool {
        guard let profile, profile.windows > 0 else {
            guard hasPeers else { return true }
            return [Feature.peerNewActions, .sensitive, .rootUse, .consoleWithoutMFA].contains { row[$0] > 0 }
        }
        // A first-seen action its peers use is the role's ordinary work; one nobody in the role used is evidence.
        let discrete: [Feature] = [.sensitiveExcess, .newSensitiveActions, .peerNewActions, .rootUse, .consoleWithoutMFA]
        if discrete.contains(where: { row[$0] > 0 }) { return true }
        let counts: [Feature] = [.events, .writes, .distinctActions, .distinctServices, .sensitive]
        if counts.contains(where: { beyondUsual(row[$0], profile.stats[$0.rawValue]) }) { return true }
        // Error ratios mean little on a handful of calls.
        guard row[.events] >= 10 else { return false }
        return [Feature.errorRatio, .accessDeniedRatio].contains { row[$0] > profile.stats[$0.rawValue].max + 0.2 }
    }

    /// A reason when the window's calls or sensitive calls far exceed the principal's busiest windows, else nil.
    public static func volumeBurst(_ row: FeatureRow, profile: PrincipalProfile?) -> String? {
        guard let profile, profile.windows >= minimumHistory else { return nil }
        let calls = profile.stats[Feature.events.rawValue]
        let callLimit = max(4 * calls.max, calls.max + 200, calls.mean + 6 * calls.standardDeviation)
        if row[.events] > callLimit {
            return "\(Int(row[.events])) calls in the window, over 4× this principal's busiest window "
                + "(usual \(Int(calls.min))–\(Int(calls.max)), mean \(Int(calls.mean.rounded())))"
        }
        let sensitive = profile.stats[Feature.sensitive.rawValue]
        let sensitiveLimit = max(4 * sensitive.max, sensitive.max + 20)
        if row[.sensitive] > sensitiveLimit {
            return "\(Int(row[.sensitive])) sensitive calls in the window, over 4× this principal's busiest window "
                + "(usual \(Int(sensitive.min))–\(Int(sensitive.max)))"
        }
        return nil
    }

    /// A count clearly beyond the usual range: over 1.5× the largest seen and 3 standard deviations past the mean.
    static func beyondUsual(_ value: Double, _ stat: PrincipalProfile.Stat) -> Bool {
        stat.count > 0 && value > max(stat.max * 1.5, stat.mean + 3 * stat.standardDeviation, stat.max + 2)
    }
}
