/// One quantity a stage measured, under a snake_case key (`live_resources`, `alerts_new`); logs carry these as
/// metadata, so they can be counted without parsing the status text.
public struct StageCount: Sendable, Hashable {
    public var key: String
    public var value: Int

    /// A count of `value` under `key`.
    public init(_ key: String, _ value: Int) {
        self.key = key
        self.value = value
    }
}

/// What one stage found, as values; its `description` is the stage's part of the target status message.
public protocol StageReport: Sendable, CustomStringConvertible {
    /// The counts of the report, in the order the stage reports them.
    var counts: [StageCount] { get }
}

/// Part of a stage that could not be done (an AccessDenied service, a region that failed, a fix left to a person);
/// the cycle still succeeds.
public struct StageWarning: Sendable, Hashable, CustomStringConvertible {
    /// The kind of shortfall; closed, so readers classify by code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code as logged.
        public let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Something was not read or not used this cycle (a service, a region, a source, an input file); retried
        /// next cycle.
        public static let partial = Code("partial")
        /// Something was given up for good (a log object that failed too often); someone has to look at it.
        public static let dataLost = Code("data_lost")
        /// A fix needs a person (no automatic fix, or the fix did not clear the finding).
        public static let needsPerson = Code("needs_person")
        /// An optional step of the stage failed this cycle (a fix branch push refused); what the cycle stored before
        /// it stands, and the step is tried again next cycle.
        public static let failed = Code("failed")
    }

    public var code: Code
    public var message: String

    /// A warning of `code`.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message; lost data and failed steps are marked `error:` so they stand out among retriable shortfalls.
    public var description: String { code == .dataLost || code == .failed ? "error: " + message : message }
}

/// What a stage did: its structured report and its warnings. The target status and the logs render it.
public struct StageOutcome: Sendable {
    public var report: any StageReport
    public var warnings: [StageWarning]

    /// An outcome of `report` with `warnings`.
    public init(_ report: any StageReport, warnings: [StageWarning] = []) {
        self.report = report
        self.warnings = warnings
    }

    /// The stage's part of the status message.
    public var summary: String { report.description }
}

/// A stage's report that is only a sentence (nothing to do, nothing failed).
public struct StageNote: StageReport, Hashable {
    public var text: String
    /// A note saying `text`.
    public init(_ text: String) { self.text = text }
    public var counts: [StageCount] { [] }
    public var description: String { text }
}
