import Model

/// Every match of one detection by one principal in one window: counted and listed (capped), so a second stopped
/// trail in the same hour is reported, and a volume detection fires when its threshold is reached.
struct RuleMatches: Sendable {
    /// Events listed in an alert at most; the count covers the rest.
    static let listLimit = 10
    /// Distinct values remembered per window at most, so one window's memory stays bounded.
    static let distinctLimit = 100_000

    let detection: Int
    let principal: String
    let account: String
    let windowStart: Double
    let windowEnd: Double
    var count = 0
    var distinct: Set<String> = []
    var listed: [String] = []
    /// The measure (calls, or distinct values) at the last alert; 0 before the first.
    var alertedAt = 0

    /// Calls, or distinct values of the threshold's field.
    func measure(_ d: Detection) -> Int { d.threshold?.distinct == nil ? count : distinct.count }

    mutating func add(_ e: ActivityEvent, detection d: Detection) {
        count += 1
        if let field = d.threshold?.distinct, distinct.count < Self.distinctLimit {
            let values = field == "event" ? [e.action] : FieldCondition.values(field, of: e)
            // Array parameters arrive comma-joined (`names` of GetParameters): each element is its own value.
            for v in values { for part in v.split(separator: ",") { distinct.insert(String(part)) } }
        }
        if listed.count < Self.listLimit { listed.append(RuleSet.describe(e)) }
    }

    /// Whether the matches so far call for an alert now: the first time the threshold is reached; after that, a
    /// detection without threshold re-alerts on every further match and a volume detection when its measure doubles.
    func due(_ d: Detection, baseline: Int = 0) -> Bool {
        let m = measure(d)
        guard let threshold = d.threshold else { return m > alertedAt }
        guard Double(m) >= threshold.limit(baseline: baseline) else { return false }
        return alertedAt == 0 || m >= alertedAt * 2
    }

    /// The alert for the matches so far; the first alert of a window has the plain key, later ones add the measure.
    func alert(_ d: Detection, baseline: Int = 0) -> Alert {
        let m = measure(d)
        var key = "rule:\(d.id)|\(principal)|\(Int(windowStart))"
        if alertedAt > 0 { key += "|\(m)" }
        var reasons: [String] = []
        if let threshold = d.threshold {
            let what = threshold.distinct.map { "distinct \($0) values" } ?? "matching calls"
            var limit = "threshold \(threshold.count)"
            if let multiple = threshold.baselineMultiple {
                limit += String(format: ", and %g× this principal's usual %d", multiple, baseline)
            }
            reasons.append("\(m) \(what) in \(Int(threshold.windowSeconds)) s (\(limit)); \(count) calls")
        } else if count > 1 {
            reasons.append("\(count) matching calls in the window")
        }
        reasons += listed
        if count > listed.count { reasons.append("… and \(count - listed.count) more") }
        reasons.append("MITRE ATT&CK \(d.tactics.joined(separator: ", ")) / \(d.techniques.joined(separator: ", "))")
        return Alert(
            dedupeKey: key, severity: d.severity, principal: principal, account: account, windowStart: windowStart,
            windowEnd: windowEnd, title: d.title, reasons: reasons, score: nil, source: .rule(d.id))
    }
}
