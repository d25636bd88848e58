import Foundation
import Reports
import Store

/// Renders target conditions as a table (like `flux get sources git`) or JSON.
enum StatusTable {
    /// One target's printable status.
    struct Row {
        var target: String
        var ready: String
        var reason: String
        var revision: String
        var message: String
        var lastError: String?
        var nextRun: Date?
        var failures: Int

        init(_ r: TargetStatusRecord) {
            target = r.target
            ready = r.ready
            reason = r.reason
            revision = r.lastObservedCommit ?? "-"
            message = r.message
            lastError = r.lastError
            nextRun = r.nextRunAt
            failures = r.failures
        }
    }

    static func print(_ rows: [Row]) {
        guard !rows.isEmpty else {
            Swift.print("no targets have been reconciled yet")
            return
        }
        let headers = ["TARGET", "READY", "REASON", "REVISION", "NEXT RUN", "MESSAGE"]
        let formatter = ISO8601DateFormatter()
        let table = rows.map { row in
            [
                row.target, row.ready, row.reason, shortRevision(row.revision), row.nextRun.map { formatter.string(from: $0) } ?? "-",
                row.lastError ?? row.message,
            ]
        }
        var widths = headers.map(\.count)
        for line in table { for (i, cell) in line.enumerated() where i < 5 { widths[i] = max(widths[i], cell.count) } }
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in i < 5 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) : cell }
                .joined(separator: "  ")
        }
        Swift.print(render(headers))
        for line in table { Swift.print(render(line)) }
    }

    static func json(_ rows: [Row]) -> String {
        let formatter = ISO8601DateFormatter()
        return JSONOutput.array(
            rows.map { row in
                .object([
                    ("target", .string(row.target)),
                    ("ready", .string(row.ready)),
                    ("reason", .string(row.reason)),
                    ("lastObservedCommit", .optional(row.revision == "-" ? nil : row.revision)),
                    ("message", .string(row.message)),
                    ("lastError", .optional(row.lastError)),
                    ("nextRunAt", .optional(row.nextRun.map { formatter.string(from: $0) })),
                    ("failures", .int(row.failures)),
                ])
            }
        ).rendered()
    }

    /// `main@sha1:0123456789ab…` shortened to 12 hex digits for the table.
    static func shortRevision(_ revision: String) -> String {
        guard let range = revision.range(of: "@sha1:") else { return revision }
        return revision[..<range.upperBound] + String(revision[range.upperBound...].prefix(12))
    }
}
