import Foundation

/// Turns a scored window into reasons, each comparing a feature with the principal's normal:
/// "GetSecretValue ×37 in the window (usual 0–1)", "events 412 (usual 3–40)", "first-seen actions: …".
public enum AlertExplainer {
    /// The reasons for window `w` with features `row`, against `profile` (history before the window).
    public static func reasons(
        _ w: ActivityWindow, row: FeatureRow, profile: PrincipalProfile?, catalog: SensitiveActionCatalog, limit: Int = 6
    ) -> [String] {
        var reasons: [String] = []
        // Sensitive actions first: the most concrete evidence.
        for (action, n) in w.sensitive.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }) {
            let usual = profile?.sensitiveMax[action] ?? 0
            guard n > usual else { continue }
            let why = catalog.entries.first { $0.action.lowercased() == action.lowercased() }?.why
            var text = "\(action) ×\(n) in the window (usual 0–\(usual))"
            if let why { text += ": \(why)" }
            // Only the resources this action touched, never those of the window's other actions.
            if let touched = w.sensitiveResources[action], !touched.isEmpty {
                let total = w.sensitiveResourceCounts[action] ?? touched.count
                text += " — on \(touched.joined(separator: ", "))"
                if total > touched.count { text += ", … (\(total) distinct)" }
            }
            reasons.append(text)
        }
        func list(_ items: [String]) -> String {
            items.prefix(5).joined(separator: ", ") + (items.count > 5 ? ", … (\(items.count) in all)" : "")
        }
        if profile == nil || profile?.windows == 0 {
            reasons.append("principal never seen in the training history")
        } else {
            if !row.newActions.isEmpty { reasons.append("first-seen actions: \(list(row.newActions))") }
            if !row.newRegions.isEmpty { reasons.append("first-seen regions: \(list(row.newRegions))") }
            if !row.newSourceIPs.isEmpty { reasons.append("first-seen source IPs: \(list(row.newSourceIPs))") }
            if !row.newUserAgents.isEmpty { reasons.append("first-seen user agents: \(list(row.newUserAgents))") }
        }
        if row[.rootUse] > 0 { reasons.append("root account used (\(Int(row[.rootUse])) calls)") }
        if row[.consoleWithoutMFA] > 0 { reasons.append("console sign-in without MFA") }
        if let profile, profile.windows > 0 {
            let c = Timestamp.civil(Int(w.start))
            if row[.hourRarity] >= 0.9 {
                reasons.append(String(format: "active at %02d:00 UTC, an hour this principal is rarely active", c.hour))
            }
            // Numeric features outside the principal's usual range, largest deviation first.
            let numeric: [Feature] = [.events, .writes, .distinctActions, .distinctServices, .errorRatio, .accessDeniedRatio]
            let outside = numeric.compactMap { f -> (Feature, Double)? in
                let s = profile.stats[f.rawValue]
                let v = row[f]
                guard s.count > 0, v > s.max else { return nil }
                return (f, (v - s.mean) / max(s.standardDeviation, 1e-9 + abs(s.mean) * 0.1 + 0.5))
            }.sorted { $0.1 > $1.1 }
            for (f, _) in outside {
                let s = profile.stats[f.rawValue]
                reasons.append("\(f.label) \(show(row[f], f)) (usual \(show(s.min, f))–\(show(s.max, f)))")
            }
        }
        if reasons.isEmpty {
            // The forest weighed several small departures together: name the largest ones against their usual value.
            reasons = fallbackReasons(row: row, profile: profile)
        }
        return Array(reasons.prefix(limit))
    }

    /// The three features furthest from the principal's mean, each with its usual mean.
    static func fallbackReasons(row: FeatureRow, profile: PrincipalProfile?) -> [String] {
        guard let profile else { return ["principal never seen in the training history"] }
        let ranked = Feature.allCases.compactMap { f -> (Feature, Double)? in
            let s = profile.stats[f.rawValue]
            guard s.count > 0, row[f] != s.mean else { return nil }
            return (f, abs(row[f] - s.mean) / max(s.standardDeviation, 0.5))
        }.sorted { $0.1 > $1.1 }
        let shown = ranked.prefix(3).map { entry -> String in
            let f = entry.0
            return "\(f.label) \(show(row[f], f)) (usual mean \(String(format: "%.2f", profile.stats[f.rawValue].mean)))"
        }
        return shown.isEmpty ? ["the combination of this window's features is rare for this principal"] : shown
    }

    static func show(_ v: Double, _ f: Feature) -> String {
        f.isCount ? String(Int(v.rounded())) : String(format: "%.2f", v)
    }
}
