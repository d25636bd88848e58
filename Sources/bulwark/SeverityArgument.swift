import ArgumentParser
import Model

/// A severity given on the command line.
struct SeverityArgument: ExpressibleByArgument, Sendable {
    let severity: Severity

    init(_ severity: Severity) { self.severity = severity }

    init?(argument: String) {
        guard let s = Severity(rawValue: argument.lowercased()) else { return nil }
        severity = s
    }

    static let low = SeverityArgument(.low)
    static var allValueStrings: [String] { ["critical", "high", "medium", "low"] }
    var defaultValueDescription: String { severity.rawValue }
}
