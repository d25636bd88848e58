import Foundation

/// Features of a window against its principal's profile, plus what was new (for the explanation).
public struct FeatureRow: Sendable, Hashable {
    /// Raw values in `Feature` order (counts, ratios), as people read them.
    public var values: [Double]
    public var newActions: [String]
    public var newRegions: [String]
    public var newSourceIPs: [String]
    public var newUserAgents: [String]

    /// The value of one feature.
    public subscript(_ f: Feature) -> Double { values[f.rawValue] }

    /// The model's input row (counts as log(1+x)).
    public var modelRow: [Float] { Feature.allCases.map { $0.modelValue(values[$0.rawValue]) } }
}

/// Computes `FeatureRow`s.
public enum FeatureExtractor {
    /// How many calls of a sensitive action a window may make before they count as excess: none for an action
    /// the principal never made, else a little over double its usual maximum (an administrator onboarding two
    /// people instead of one is not a burst; 37 secret reads against a usual 1 are).
    static func sensitiveAllowance(_ usualMax: Int, known: Bool) -> Int { known ? 2 * usualMax + 1 : 0 }

    /// The features of window `w`; `profile` is the principal's history before this window (nil: none), `peerActions`
    /// the actions its peer group has used (nil: no group, so its first-seen actions count as new to the role too).
    public static func row(_ w: ActivityWindow, profile: PrincipalProfile?, peerActions: Set<String>? = nil) -> FeatureRow {
        let n = Double(max(w.events, 1))
        func novel(_ items: some Sequence<String>, _ known: Set<String>?) -> [String] {
            items.filter { !(known?.contains($0) ?? false) }.sorted()
        }
        let newActions = novel(w.actions.keys, profile?.actions)
        let newRegions = novel(w.regions, profile?.regions)
        let newIPs = novel(w.sourceIPs, profile?.sourceIPs)
        let newAgents = novel(w.userAgents, profile?.userAgents)
        let c = Timestamp.civil(Int(w.start))
        var values = [Double](repeating: 0, count: Feature.allCases.count)
        values[Feature.events.rawValue] = Double(w.events)
        values[Feature.writes.rawValue] = Double(w.writes)
        values[Feature.distinctActions.rawValue] = Double(w.actions.count)
        values[Feature.distinctServices.rawValue] = Double(w.services.count)
        values[Feature.errorRatio.rawValue] = Double(w.errors) / n
        values[Feature.accessDeniedRatio.rawValue] = Double(w.denied) / n
        values[Feature.sensitive.rawValue] = Double(w.sensitive.values.reduce(0, +))
        values[Feature.sensitiveDistinct.rawValue] = Double(w.sensitive.count)
        values[Feature.sensitiveExcess.rawValue] = Double(
            w.sensitive.reduce(0) { sum, entry in
                let known = profile?.actions.contains(entry.key) ?? false
                return sum + max(0, entry.value - Self.sensitiveAllowance(profile?.sensitiveMax[entry.key] ?? 0, known: known))
            })
        values[Feature.newActions.rawValue] = Double(newActions.count)
        values[Feature.peerNewActions.rawValue] = Double(newActions.filter { !(peerActions?.contains($0) ?? false) }.count)
        values[Feature.newRegions.rawValue] = Double(newRegions.count)
        values[Feature.newSourceIPs.rawValue] = Double(newIPs.count)
        values[Feature.newUserAgents.rawValue] = Double(newAgents.count)
        values[Feature.newSensitiveActions.rawValue] = Double(w.sensitive.keys.filter { !(profile?.actions.contains($0) ?? false) }.count)
        values[Feature.hourRarity.rawValue] = profile?.hourRarity(c.hour) ?? 0
        values[Feature.weekdayRarity.rawValue] = profile?.weekdayRarity(c.weekday) ?? 0
        if let stat = profile?.stats[Feature.events.rawValue], stat.count > 0 {
            values[Feature.volumeRatio.rawValue] = log((Double(w.events) + 1) / (stat.mean + 1))
        }
        if let profile {
            var surprise = 0.0
            for (k, f) in PrincipalProfile.noveltyKinds.enumerated() where values[f.rawValue] > 0 { surprise += profile.surprise(k) }
            values[Feature.noveltySurprise.rawValue] = surprise
        }
        values[Feature.rootUse.rawValue] = Double(w.rootCalls)
        values[Feature.consoleWithoutMFA.rawValue] = Double(w.consoleWithoutMFA)
        return FeatureRow(
            values: values, newActions: newActions, newRegions: newRegions, newSourceIPs: newIPs,
            newUserAgents: newAgents)
    }
}
