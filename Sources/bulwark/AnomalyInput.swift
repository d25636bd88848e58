import Anomaly
import ArgumentParser
import Foundation
import Model

/// A byte count given as `268435456`, `256M`, `1G` or `512K` (powers of 1024).
struct ByteCount: ExpressibleByArgument, Sendable {
    var bytes: Int

    init(bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var digits = Substring(text)
        var scale = 1
        if let last = digits.last, let unit = units[last] {
            scale = unit
            digits = digits.dropLast()
        }
        guard let value = Int(digits), value > 0, value <= Int.max / scale else { return nil }
        bytes = value * scale
    }

    var defaultValueDescription: String { bytes % (1 << 20) == 0 ? "\(bytes >> 20)M" : "\(bytes)" }
}

/// Exit status 2: the input was not read completely (nothing found, an object unreadable, no event at all).
let exitUnreadInput: Int32 = 2

/// Streams the log files and directories `paths` to `onEvents` (time-ordered batches); prints the ingest summary.
func streamLogs(_ paths: [String], maxObjectBytes: Int, onEvents: ([ActivityEvent]) -> Void) -> IngestReport {
    let reader = LogFileReader(parser: LogParser(maxObjectBytes: maxObjectBytes))
    let report = reader.read(paths, onEvents: onEvents)
    standardError(report.summary)
    return report
}

/// Ends the command with exit status 2 when the input was not read completely (with `requireEvents`, also when
/// nothing was found or read), else 1 when an alert reaches `failOn`; returns (status 0) otherwise.
func finish(report: IngestReport, alerts: [Alert], failOn: Severity?, requireEvents: Bool = true) throws {
    if let problem = report.readProblem(requireEvents: requireEvents) {
        standardError(problem)
        throw ExitCode(exitUnreadInput)
    }
    if let failOn, alerts.contains(where: { $0.severity >= failOn }) { throw ExitCode(1) }
}

/// What the polls of `anomaly watch` read and raised, collected from the watcher's callback for the exit status.
final class PollRecord: @unchecked Sendable {
    private let lock = NSLock()
    private var report = IngestReport()
    private var alerts: [Alert] = []

    func add(_ report: IngestReport, _ alerts: [Alert]) {
        lock.lock()
        defer { lock.unlock() }
        self.report.files += report.files
        self.alerts += alerts
    }

    func snapshot() -> (IngestReport, [Alert]) {
        lock.lock()
        defer { lock.unlock() }
        return (report, alerts)
    }
}
