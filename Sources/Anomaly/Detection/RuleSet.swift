/// The detections in force, indexed by cloud and event name so every event is tested only against the detections
/// that can match it.
public struct RuleSet: Sendable {
    public let detections: [Detection]
    /// Per cloud (`Cloud` order), the detections naming each event: looked up without building a key per event.
    var byEvent: [[String: [Int]]] = [[:], [:]]
    /// Detections that name no event (a source, an outcome, a kind of principal): tested on every event.
    var unnamed: [Int] = []

    /// These detections (the built-in library by default).
    public init(detections: [Detection] = DetectionLibrary.builtin.detections) {
        self.detections = detections
        for (i, d) in detections.enumerated() {
            if d.predicate.events.isEmpty {
                unnamed.append(i)
            } else {
                for name in d.predicate.events { byEvent[Self.slot(d.cloud)][name, default: []].append(i) }
            }
        }
    }

    /// The detections of a library.
    public init(library: DetectionLibrary) { self.init(detections: library.detections) }

    static func slot(_ cloud: ActivityEvent.Cloud) -> Int { cloud == .aws ? 0 : 1 }

    /// Indices of the detections `event` matches, in library order.
    func matchingIndices(_ event: ActivityEvent) -> [Int] {
        var out: [Int] = []
        for i in byEvent[Self.slot(event.cloud)][event.action] ?? [] where detections[i].predicate.matches(event) { out.append(i) }
        for i in unnamed where detections[i].predicate.matches(event) { out.append(i) }
        return out.count > 1 ? out.sorted() : out
    }

    /// The detections `event` matches. A match alerts whoever the principal is: no history exempts it.
    public func matching(_ event: ActivityEvent) -> [Detection] { matchingIndices(event).map { detections[$0] } }

    /// One line naming an event for alert reasons: time, action, principal, address, region, resource, outcome.
    static func describe(_ e: ActivityEvent) -> String {
        var s = "\(Timestamp.format(e.time)) \(e.action) by \(e.principal)"
        if !e.sourceIP.isEmpty { s += " from \(e.sourceIP)" }
        if !e.region.isEmpty { s += " in \(e.region)" }
        if let r = e.resource { s += " on \(r)" }
        if let code = e.errorCode { s += " (failed: \(code))" }
        return s
    }
}
