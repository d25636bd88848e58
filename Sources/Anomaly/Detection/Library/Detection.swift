import Model

/// One detection of the library (`detections/<cloud>/*.yaml`): an event pattern mapped to MITRE ATT&CK that
/// alerts on every match, or — with a threshold — when one principal makes enough matching calls in a window.
public struct Detection: Sendable, Hashable {
    /// How many matching calls, or distinct values of a field, one principal must make in one window.
    public struct Threshold: Sendable, Hashable {
        /// Matches (or distinct values) at which the detection fires.
        public var count: Int
        /// When set, distinct values of this field are counted instead of calls (`request.secretId`).
        public var distinct: String?
        /// Window length in seconds.
        public var windowSeconds: Double
        /// When set, the measure must also reach this multiple of the principal's own baseline: its largest
        /// measure in an earlier window that did not alert (0 without history, leaving `count` alone).
        public var baselineMultiple: Double?

        /// A threshold of `count` per `windowSeconds`, over distinct values of `distinct` when given.
        public init(count: Int, distinct: String? = nil, windowSeconds: Double = 3600, baselineMultiple: Double? = nil) {
            self.count = count
            self.distinct = distinct
            self.windowSeconds = windowSeconds
            self.baselineMultiple = baselineMultiple
        }

        /// The measure at which the detection fires for a principal whose baseline is `baseline`.
        public func limit(baseline: Int) -> Double {
            max(Double(count), (baselineMultiple ?? 0) * Double(baseline))
        }
    }

    /// `BLW-DET-AWS-…` or `BLW-DET-AZURE-…`.
    public var id: String
    public var title: String
    public var severity: Severity
    /// MITRE ATT&CK tactic IDs (`TA0005`).
    public var tactics: [String]
    /// MITRE ATT&CK technique IDs (`T1562.008`).
    public var techniques: [String]
    /// What the detection means and what to check first.
    public var description: String
    public var predicate: EventPredicate
    /// Nil: every matching call alerts.
    public var threshold: Threshold?
    /// Events that must and must not fire the detection, run by the tests.
    public var tests: [DetectionTest]
    /// The file the detection was read from (relative to the library root).
    public var file: String

    /// A detection from its parts.
    public init(
        id: String, title: String, severity: Severity, tactics: [String], techniques: [String], description: String,
        predicate: EventPredicate, threshold: Threshold? = nil, tests: [DetectionTest] = [], file: String = ""
    ) {
        self.id = id
        self.title = title
        self.severity = severity
        self.tactics = tactics
        self.techniques = techniques
        self.description = description
        self.predicate = predicate
        self.threshold = threshold
        self.tests = tests
        self.file = file
    }

    public var cloud: ActivityEvent.Cloud { predicate.cloud }
}

/// One fixture of a detection: events (written in the file) and whether the detection must fire on them.
public struct DetectionTest: Sendable, Hashable {
    public var name: String
    public var fires: Bool
    public var events: [ActivityEvent]
    /// 1-based line of the test in its file, for failure messages.
    public var line: Int

    /// A fixture from its parts.
    public init(name: String, fires: Bool, events: [ActivityEvent], line: Int) {
        self.name = name
        self.fires = fires
        self.events = events
        self.line = line
    }
}
