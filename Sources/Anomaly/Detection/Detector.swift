import Model

/// A window after it was scored.
public struct ScoredWindow: Sendable {
    public var window: ActivityWindow
    public var row: FeatureRow
    /// The forest's score; nil while training (no forest yet).
    public var score: Double?
}

/// What one call to the detector produced.
public struct DetectionBatch: Sendable {
    public var alerts: [Alert] = []
    /// Windows closed (and learned) in this call.
    public var closed: [ScoredWindow] = []

    /// Appends another batch's alerts and windows.
    public mutating func merge(_ other: DetectionBatch) {
        alerts += other.alerts
        closed += other.closed
    }
}

/// Groups events into (principal, window), applies the detections to every event (counting every match), scores each window with the
/// forest, alerts above the threshold with reasons, and learns finished windows into the profiles.
/// A value type: callers that share it across tasks wrap it in an actor.
public struct Detector: Sendable {
    public let windowSeconds: Double
    /// How long after a window ends late events may still arrive before it is closed on event time.
    public var graceSeconds: Double
    public let catalog: SensitiveActionCatalog
    public let rules: RuleSet
    public private(set) var forest: IsolationForest?
    public var threshold: Double
    public private(set) var profiles: [String: PrincipalProfile]
    /// Windows that alerted are learned only for their novelties by default (`PrincipalProfile.learnNovelty`),
    /// so an attack's volumes never become "normal"; true learns them entirely.
    public var learnFromAlertedWindows = false
    /// While training: windows closed this long after the principal was first seen become training rows.
    public var warmupSeconds: Double = 86_400
    /// Training rows collected so far (only when `forest` is nil).
    public private(set) var trainingRows = FeatureMatrix(columns: Feature.allCases.count)
    /// The window start of each training row.
    public private(set) var trainingRowTimes: [Double] = []

    /// Per peer group (`PeerGroup.key`), the actions its members have used, rebuilt from the profiles.
    var peerActions: [String: Set<String>] = [:]
    var open: [String: ActivityWindow] = [:]
    /// Matches of each detection per principal and window, kept until the window is flushed.
    var ruleMatches: [String: RuleMatches] = [:]
    var emitted: Set<String> = []
    var alertedWindows: Set<String> = []
    var latestTime = -Double.infinity

    /// A detector that only learns (training).
    public init(windowSeconds: Double, catalog: SensitiveActionCatalog, rules: RuleSet = RuleSet(), graceSeconds: Double = 300) {
        self.windowSeconds = windowSeconds
        self.graceSeconds = graceSeconds
        self.catalog = catalog
        self.rules = rules
        self.forest = nil
        self.threshold = 1
        self.profiles = [:]
    }

    /// A detector that scores with a trained model (and keeps learning its profiles).
    public init(model: AnomalyModel, catalog: SensitiveActionCatalog, rules: RuleSet = RuleSet(), graceSeconds: Double = 300) {
        self.windowSeconds = model.windowSeconds
        self.graceSeconds = graceSeconds
        self.catalog = catalog
        self.rules = rules
        self.forest = model.forest
        self.threshold = model.threshold
        self.profiles = model.profiles
        for profile in model.profiles.values { notePeerActions(profile.principal, profile.actions) }
    }

    /// Adds actions of `principal` to its peer group's set (bounded like a profile's sets).
    mutating func notePeerActions(_ principal: String, _ actions: some Sequence<String>) {
        guard let group = PeerGroup.key(principal) else { return }
        PrincipalProfile.insert(actions, into: &peerActions[group, default: []])
    }

    /// The actions of `principal`'s peer group, nil when it has none.
    func peers(of principal: String) -> Set<String>? { PeerGroup.key(principal).flatMap { peerActions[$0] } }

    func windowStart(_ t: Double) -> Double { (t / windowSeconds).rounded(.down) * windowSeconds }

    /// Processes events (any order; sorted here). Windows ended more than `graceSeconds` before the newest
    /// event are closed and scored. With `provisional`, still-open windows touched by these events are
    /// scored too, so an attack alerts before its window ends (the final score reuses the dedupe key).
    public mutating func process(_ events: [ActivityEvent], provisional: Bool = false) -> DetectionBatch {
        var batch = DetectionBatch()
        var touched: Set<String> = []
        var touchedRules: Set<String> = []
        for e in events.sorted(by: { $0.time < $1.time }) {
            latestTime = max(latestTime, e.time)
            let start = windowStart(e.time)
            for index in rules.matchingIndices(e) {
                let key = noteRuleMatch(e, detection: index)
                touchedRules.insert(key)
            }
            // One lookup of the principal's window in the common case (the event falls in its open window).
            if let slot = open.index(forKey: e.principal), !(start > open.values[slot].start) {
                // A late event for an already-closed window lands in the open one: counted, never lost.
                open.values[slot].add(e, catalog: catalog)
            } else {
                if open[e.principal] != nil { batch.merge(close(e.principal)) }
                var window = ActivityWindow(principal: e.principal, start: start, end: start + windowSeconds, first: e)
                window.add(e, catalog: catalog)
                open[e.principal] = window
            }
            if provisional { touched.insert(e.principal) }
        }
        batch.alerts += ruleAlerts(touchedRules)
        batch.merge(flush(before: latestTime - graceSeconds))
        if provisional, let forest {
            for p in touched.sorted() {
                guard let w = open[p] else { continue }
                let row = FeatureExtractor.row(w, profile: profiles[p], peerActions: peers(of: p))
                let score = forest.score(row.modelRow)
                if let alert = modelAlert(w, row: row, score: score) { batch.alerts.append(alert) }
            }
        }
        return batch
    }

    /// Closes and scores every open window that ends at or before `time` (all of them when nil).
    public mutating func flush(before time: Double? = nil) -> DetectionBatch {
        var batch = DetectionBatch()
        let due = open.values.filter { w in time.map { w.end <= $0 } ?? true }.map(\.principal).sorted()
        for p in due { batch.merge(close(p)) }
        // Finished rule windows are forgotten, so the state stays bounded by the open windows; their volume becomes
        // part of the principal's baseline for thresholds written as a multiple of it.
        for (key, m) in ruleMatches where time.map({ m.windowEnd <= $0 }) ?? true {
            ruleMatches[key] = nil
            let d = rules.detections[m.detection]
            guard d.threshold?.baselineMultiple != nil, learnsRuleWindow(m) else { continue }
            var profile = profiles[m.principal] ?? PrincipalProfile(principal: m.principal, firstSeen: m.windowStart)
            profile.learnRuleMeasure(d.id, m.measure(d))
            profiles[m.principal] = profile
        }
        return batch
    }

    /// Counts `e` as a match of detection `index`; returns the key of its window's matches.
    mutating func noteRuleMatch(_ e: ActivityEvent, detection index: Int) -> String {
        let d = rules.detections[index]
        let length = d.threshold?.windowSeconds ?? windowSeconds
        let start = (e.time / length).rounded(.down) * length
        let key = "\(d.id)|\(e.principal)|\(Int(start))"
        if ruleMatches[key] == nil {
            ruleMatches[key] = RuleMatches(
                detection: index, principal: e.principal, account: e.account, windowStart: start, windowEnd: start + length)
        }
        ruleMatches[key]?.add(e, detection: d)
        return key
    }

    /// Alerts for the rule windows touched by the last events that are due (see `RuleMatches.due`).
    mutating func ruleAlerts(_ keys: Set<String>) -> [Alert] {
        var alerts: [Alert] = []
        for key in keys.sorted() {
            guard var m = ruleMatches[key] else { continue }
            let d = rules.detections[m.detection]
            let baseline = d.threshold?.baselineMultiple == nil ? 0 : ruleBaseline(m, id: d.id)
            guard m.due(d, baseline: baseline) else { continue }
            let alert = m.alert(d, baseline: baseline)
            m.alertedAt = m.measure(d)
            ruleMatches[key] = m
            guard emitted.insert(alert.dedupeKey).inserted else { continue }
            // The model windows the matches fall in are not learned as normal.
            var t = m.windowStart
            while t < m.windowEnd {
                alertedWindows.insert("\(m.principal)|\(Int(windowStart(t)))")
                t += windowSeconds
            }
            alerts.append(alert)
        }
        return alerts
    }

    /// Whether a finished rule window's measure joins its principal's baseline: as for model windows, one that
    /// alerted is learned only while there is no forest (training, rules-only runs) or with `learnFromAlertedWindows`.
    func learnsRuleWindow(_ m: RuleMatches) -> Bool { m.alertedAt == 0 || learnFromAlertedWindows || forest == nil }

    /// The principal's baseline for the detection of `m`: its learned maximum, and the measures of its earlier
    /// windows still held (not yet flushed) that did not alert.
    func ruleBaseline(_ m: RuleMatches, id: String) -> Int {
        var baseline = profiles[m.principal]?.ruleBaseline(id) ?? 0
        let d = rules.detections[m.detection]
        for other in ruleMatches.values
        where other.detection == m.detection && other.principal == m.principal && other.windowEnd <= m.windowStart
            && learnsRuleWindow(other)
        {
            baseline = max(baseline, other.measure(d))
        }
        return baseline
    }

    mutating func close(_ principal: String) -> DetectionBatch {
        var batch = DetectionBatch()
        guard let w = open.removeValue(forKey: principal) else { return batch }
        let profile = profiles[principal]
        let row = FeatureExtractor.row(w, profile: profile, peerActions: peers(of: principal))
        var score: Double?
        if let forest {
            let s = forest.score(row.modelRow)
            score = s
            if let alert = modelAlert(w, row: row, score: s) { batch.alerts.append(alert) }
        } else if let profile, w.start - profile.firstSeen >= warmupSeconds {
            if (try? trainingRows.append(row.modelRow)) != nil { trainingRowTimes.append(w.start) }
        }
        let alerted = alertedWindows.contains("\(principal)|\(Int(w.start))")
        var updated = profile ?? PrincipalProfile(principal: principal, firstSeen: w.start)
        if !alerted || learnFromAlertedWindows || forest == nil {
            updated.learn(w, features: row.values)
        } else {
            updated.learnNovelty(w)
        }
        profiles[principal] = updated
        notePeerActions(principal, w.actions.keys)
        batch.closed.append(ScoredWindow(window: w, row: row, score: score))
        return batch
    }

    mutating func modelAlert(_ w: ActivityWindow, row: FeatureRow, score: Double) -> Alert? {
        let profile = profiles[w.principal]
        let burst = FeatureEvidence.volumeBurst(row, profile: profile)
        guard
            burst != nil
                || (score > threshold
                    && FeatureEvidence.beyondNovelty(row, profile: profile, hasPeers: peers(of: w.principal) != nil))
        else { return nil }
        let key = "model|\(w.principal)|\(Int(w.start))"
        alertedWindows.insert("\(w.principal)|\(Int(w.start))")
        guard emitted.insert(key).inserted else { return nil }
        let reasons = AlertExplainer.reasons(w, row: row, profile: profile, catalog: catalog) + (burst.map { [$0] } ?? [])
        let unusualSensitive = w.sensitive.contains { $0.value > (profile?.sensitiveMax[$0.key] ?? 0) }
        let severity: Severity = burst != nil || unusualSensitive || score > threshold + 0.1 ? .high : .medium
        return Alert(
            dedupeKey: key, severity: severity, principal: w.principal, account: w.account, windowStart: w.start,
            windowEnd: w.end, title: "Unusual activity by \(w.principal)", reasons: reasons, score: score,
            source: .model)
    }
}
