/// What reading log objects found: per object, how many records were read, skipped or malformed and why.
/// Bad input lands here instead of stopping ingestion.
public struct IngestReport: Sendable {
    /// One problem with one record: its index in the object (0-based), the byte offset where it starts in the
    /// (decompressed) object, and why.
    public struct Issue: Sendable, Hashable, CustomStringConvertible {
        public var index: Int
        public var offset: Int?
        public var reason: String
        /// An issue at record `index` starting at byte `offset`.
        public init(index: Int, offset: Int? = nil, reason: String) {
            self.index = index
            self.offset = offset
            self.reason = reason
        }
        public var description: String {
            "record \(index)" + (offset.map { " at byte \($0)" } ?? "") + ": \(reason)"
        }
    }

    /// The outcome of reading one log object (file or blob).
    public struct FileReport: Sendable {
        public var key: String
        public var format: LogFormat?
        /// Bytes of (decompressed) log text read from the object: bounded by the size limit, whatever the object.
        public var bytes = 0
        /// Records seen (ingested + skipped + malformed).
        public var records = 0
        public var ingested = 0
        /// Well-formed records that are deliberately not events (Azure "Started" halves of an operation).
        public var skipped = 0
        public var malformed = 0
        /// Records earlier than a record before them in the same object: normal in CloudTrail, counted for
        /// statistics only (the detector orders events itself).
        public var outOfOrder = 0
        /// Top-level field names the reader does not know, with how many records carried each (still ingested).
        public var unknownFields: [String: Int] = [:]
        /// The first `maxIssues` record problems.
        public var issues: [Issue] = []
        /// Set when the whole object could not be read (truncated gzip, not JSON, too large, or fetching it failed).
        public var error: AnomalyError?
        /// Where the object is, for people (`s3://bucket/key`, a file path); nil when only the key is known.
        public var location: String?
        /// Consecutive cycles that failed to fetch this object, this one included (0: fetched, or a content error).
        public var readFailures = 0
        /// The fetch failed and the cursor stopped before the object: the next cycle reads it (and its folder's
        /// later objects) again. False for objects read, skipped for a content error, or given up on.
        public var retried = false

        /// At most this many issues are kept per object; the counters stay exact.
        public static let maxIssues = 50

        /// An empty report for the object `key`.
        public init(key: String) { self.key = key }

        /// Whether ingestion passed this object for good after too many cycles failed to fetch it (a poison object).
        public var gaveUp: Bool { readFailures > 0 && !retried }

        /// What went wrong with the whole object and what ingestion did about it, or nil when it was read.
        public var problem: String? {
            guard let error else { return nil }
            let place = location ?? key
            if retried {
                return "\(place): read failed (\(readFailures) cycle(s) in a row), retried next cycle: \(error)"
            }
            if readFailures > 0 {
                return "\(place): gave up after \(readFailures) cycles in a row failed to read it; skipped: \(error)"
            }
            return "\(error)"
        }

        mutating func malformed(_ index: Int, offset: Int?, _ reason: String) {
            malformed += 1
            if issues.count < Self.maxIssues { issues.append(Issue(index: index, offset: offset, reason: reason)) }
        }
    }

    public var files: [FileReport] = []
    /// Directories given that held no log file at all.
    public var emptyDirectories: [String] = []

    /// A report over these objects.
    public init(files: [FileReport] = []) { self.files = files }

    public var records: Int { files.reduce(0) { $0 + $1.records } }
    public var ingested: Int { files.reduce(0) { $0 + $1.ingested } }
    public var malformed: Int { files.reduce(0) { $0 + $1.malformed } }
    public var skipped: Int { files.reduce(0) { $0 + $1.skipped } }
    public var outOfOrder: Int { files.reduce(0) { $0 + $1.outOfOrder } }
    /// Objects that could not be read at all and were passed for good (content errors, poison objects).
    public var failedFiles: Int { files.filter { $0.error != nil && !$0.retried }.count }
    /// Objects recognised as CloudTrail digest files (no events, passed over).
    public var digestFiles: Int { files.filter { $0.format == .cloudTrailDigest }.count }
    /// Objects whose fetch failed and that the next cycle reads again.
    public var retriedFiles: Int { files.filter(\.retried).count }

    /// Why the input cannot be trusted as complete, or nil when every object was read: no log file found, an
    /// object that could not be read (each named), or no event at all.
    public var readProblem: String? { readProblem(requireEvents: true) }

    /// As `readProblem`; without `requireEvents` (a follow-up poll finding nothing new) only unreadable objects count.
    public func readProblem(requireEvents: Bool) -> String? {
        var lines: [String] = []
        for directory in emptyDirectories { lines.append("\(directory): no log files (.json, .json.gz, .gz, .jsonl) found") }
        for file in files where file.error != nil && !file.retried { lines.append("could not read \(file.problem ?? file.key)") }
        guard requireEvents else { return lines.isEmpty ? nil : lines.joined(separator: "\n") }
        if lines.isEmpty, files.isEmpty { lines.append("no log files given") }
        if lines.isEmpty, ingested == 0 { lines.append("no events could be read from \(files.count) file(s)") }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// A one-line summary plus one line per object with a problem.
    public var summary: String {
        var lines = [
            "ingest: \(files.count) objects, \(records) records, \(ingested) events, \(malformed) malformed, "
                + "\(skipped) skipped, \(digestFiles) digest files, \(failedFiles) unreadable, \(retriedFiles) to retry"
        ]
        for file in files {
            if let problem = file.problem { lines.append("  \(problem)") }
            for issue in file.issues { lines.append("  \(file.key): \(issue)") }
            if file.malformed > file.issues.count {
                lines.append("  \(file.key): … \(file.malformed - file.issues.count) more malformed records")
            }
        }
        return lines.joined(separator: "\n")
    }
}
