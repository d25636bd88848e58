import Foundation

/// What is normal for one principal, learned from its past windows: the actions, regions, source IPs and
/// user agents it used, when it is active, and the range of each feature. Novelty features and alert
/// explanations are measured against it.
public struct PrincipalProfile: Sendable, Hashable, Codable {
    /// Mean, variance (Welford) and range of one feature over the principal's windows.
    public struct Stat: Sendable, Hashable, Codable {
        public var count = 0
        public var mean = 0.0
        public var m2 = 0.0
        public var min = Double.infinity
        public var max = -Double.infinity

        /// Adds one observation.
        public mutating func add(_ x: Double) {
            count += 1
            let delta = x - mean
            mean += delta / Double(count)
            m2 += delta * (x - mean)
            min = Swift.min(min, x)
            max = Swift.max(max, x)
        }

        public var standardDeviation: Double { count > 1 ? (m2 / Double(count - 1)).squareRoot() : 0 }
    }

    /// Sets stop growing at this size, so a principal calling from endless IPs cannot grow the model unboundedly.
    public static let maxSetSize = 4096

    public var principal: String
    public var firstSeen: Double
    public var lastSeen: Double
    public var windows = 0
    public var actions: Set<String> = []
    public var regions: Set<String> = []
    public var sourceIPs: Set<String> = []
    public var userAgents: Set<String> = []
    /// Active windows per UTC hour of day and per weekday (Monday = 0).
    public var hourCounts = [Double](repeating: 0, count: 24)
    public var weekdayCounts = [Double](repeating: 0, count: 7)
    /// Per feature, in `Feature` order.
    public var stats = [Stat](repeating: Stat(), count: Feature.allCases.count)
    /// The largest per-window count of each sensitive action seen.
    public var sensitiveMax: [String: Int] = [:]
    /// Windows in which each kind of novelty occurred (`PrincipalProfile.noveltyKinds` order).
    public var noveltyWindows = [Int](repeating: 0, count: PrincipalProfile.noveltyKinds.count)
    /// Whether the principal has administered identities (IAM writes, role assignments).
    public var privileged = false
    /// Per volume detection ID, the largest measure of a window of this principal that did not alert: the
    /// baseline of thresholds written as a multiple of it. Optional so models saved before it still load.
    public var ruleMaxima: [String: Int]?

    /// An empty profile of a principal first seen at `firstSeen`.
    public init(principal: String, firstSeen: Double) {
        self.principal = principal
        self.firstSeen = firstSeen
        self.lastSeen = firstSeen
    }

    /// Learns one finished window and its features.
    public mutating func learn(_ w: ActivityWindow, features: [Double]) {
        windows += 1
        lastSeen = max(lastSeen, w.end)
        Self.insert(w.actions.keys, into: &actions)
        Self.insert(w.regions, into: &regions)
        Self.insert(w.sourceIPs, into: &sourceIPs)
        Self.insert(w.userAgents, into: &userAgents)
        let c = Timestamp.civil(Int(w.start))
        hourCounts[c.hour] += 1
        weekdayCounts[c.weekday] += 1
        for (i, v) in features.enumerated() where i < stats.count { stats[i].add(v) }
        for (k, f) in Self.noveltyKinds.enumerated() where f.rawValue < features.count && features[f.rawValue] > 0 {
            noveltyWindows[k] += 1
        }
        for (action, n) in w.sensitive { sensitiveMax[action] = max(sensitiveMax[action] ?? 0, n) }
        if w.privilegedWrites > 0 { privileged = true }
    }

    /// The principal's baseline for volume detection `id` (0 when it never matched in a window that did not alert).
    public func ruleBaseline(_ id: String) -> Int { ruleMaxima?[id] ?? 0 }

    /// Learns one finished, non-alerting window's measure of volume detection `id`.
    public mutating func learnRuleMeasure(_ id: String, _ measure: Int) {
        guard ruleMaxima?[id] ?? -1 < measure else { return }
        if ruleMaxima == nil { ruleMaxima = [:] }
        ruleMaxima?[id] = measure
    }

    /// The novelty features whose surprise is measured.
    public static let noveltyKinds: [Feature] = [.newActions, .newRegions, .newSourceIPs, .newUserAgents, .newSensitiveActions]

    /// −log of the chance (Laplace-smoothed) that a window of this principal shows novelty of `kind`:
    /// a first-seen IP says little for a travelling developer and much for a service that never moves.
    public func surprise(_ kind: Int) -> Double {
        log(Double(windows + 2) / Double(noveltyWindows[kind] + 1))
    }

    /// Learns only what was new in an alerted window (actions, regions, IPs, user agents): it has been reported
    /// once, and reporting the same novelty every hour is noise. Its counts, hours and ranges are not learned,
    /// so a burst never becomes normal.
    public mutating func learnNovelty(_ w: ActivityWindow) {
        Self.insert(w.actions.keys, into: &actions)
        Self.insert(w.regions, into: &regions)
        Self.insert(w.sourceIPs, into: &sourceIPs)
        Self.insert(w.userAgents, into: &userAgents)
    }

    static func insert<S: Sequence>(_ items: S, into set: inout Set<String>) where S.Element == String {
        for item in items where set.count < maxSetSize { set.insert(item) }
    }

    /// 0 when the principal is most active at this hour, 1 when never; 0 without history.
    public func hourRarity(_ hour: Int) -> Double { Self.rarity(hourCounts, hour) }
    /// The same for the weekday.
    public func weekdayRarity(_ weekday: Int) -> Double { Self.rarity(weekdayCounts, weekday) }

    static func rarity(_ counts: [Double], _ i: Int) -> Double {
        guard let peak = counts.max(), peak > 0 else { return 0 }
        return 1 - counts[i] / peak
    }
}
