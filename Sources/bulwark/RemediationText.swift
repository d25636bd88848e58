import ArgumentParser
import Foundation
import LiveRemediation
import Store

/// How `bulwark remediation` prints requests, plans, audit trails and outcomes.
enum RemediationText {
    /// The exit status when the request's status does not allow the action (approve a rejected request, apply
    /// one not approved, …), the same for every `bulwark remediation` command.
    static let wrongStateExit: Int32 = 3

    /// Runs `body`; a failure is printed as `Error: …` and exits 2 (the request could not be handled), or 3 when
    /// the request is in the wrong state for the action.
    static func reporting<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ExitCode {
            throw error
        } catch let error as LiveRemediationError where error.code == .wrongState {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode(wrongStateExit)
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    static func notFound(_ id: Int64) -> ExitCode {
        FileHandle.standardError.write(Data("Error: no remediation \(id)\n".utf8))
        return ExitCode(2)
    }

    static func table(_ records: [RemediationRecord]) -> String {
        guard !records.isEmpty else { return "No remediation requests." }
        let header = ["ID", "STATUS", "KIND", "TARGET", "CHECK", "RESOURCE", "MTTR"]
        let rows = records.map { r in
            [
                r.id.map(String.init) ?? "-", r.status.rawValue, r.kind, r.target, r.checkID, r.resourceAddress,
                r.timeToRemediate.map(LiveRemediator.duration) ?? "-",
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    static func detail(_ r: RemediationRecord, events: [AuditEvent]) -> String {
        var lines = [
            "Remediation \(r.id.map(String.init) ?? "?") — \(r.status.rawValue)",
            "  target:    \(r.target)", "  check:     \(r.checkID)", "  resource:  \(r.resourceAddress)",
            "  live ID:   \(r.liveID ?? "-")", "  detected:  \(stamp(r.detectedAt))",
        ]
        if let verified = r.verifiedAt { lines.append("  verified:  \(stamp(verified))") }
        lines.append("  MTTR:      \(r.timeToRemediate.map(LiveRemediator.duration) ?? "not verified yet")")
        if let error = r.error { lines.append("  error:     \(error)") }
        if let plan = try? LivePlan.decode(r.plan, remediationID: r.id) {
            lines.append("Plan (\(plan.fixID)): \(plan.summary)")
            lines += calls(plan)
        } else {
            lines.append("Plan: \(r.plan)")
        }
        lines.append("Audit trail:")
        lines += events.map { e in
            "  \(stamp(e.at))  \(e.actor)  \(e.fromStatus?.rawValue ?? "-") → \(e.toStatus.rawValue)  \(e.detail)"
        }
        return lines.joined(separator: "\n")
    }

    static func dryRun(_ plan: LivePlan, status: RemediationStatus) -> String {
        (["Dry run (status \(status.rawValue); nothing is sent): \(plan.summary)"]
            + calls(plan)).joined(separator: "\n")
    }

    /// The plan's calls, numbered, each followed by the undo a failed apply would run for it.
    static func calls(_ plan: LivePlan) -> [String] {
        plan.calls.enumerated().flatMap { ["  \($0.offset + 1). \($0.element.rendered)", "     \($0.element.renderedUndo)"] }
    }

    static func outcome(_ o: ApplyOutcome) -> String {
        let id = o.record.id.map(String.init) ?? "?"
        switch o.result {
        case .verified:
            return "remediation \(id): verified (\(o.executed.count) call(s); MTTR "
                + "\(o.record.timeToRemediate.map(LiveRemediator.duration) ?? "-"))"
        case .applied(let reason): return "remediation \(id): applied, not verified: \(reason)"
        case .failed(let error): return "remediation \(id): failed: \(error)"
        case .notApplied(let status): return "remediation \(id): not applied (status \(status.rawValue))"
        }
    }

    static func recovery(_ o: RecoveryOutcome) -> String {
        let id = o.record.id.map(String.init) ?? "?"
        switch o.result {
        case .applied: return "remediation \(id): the interrupted apply took effect; now \(o.record.status.rawValue)"
        case .failed(let reason): return "remediation \(id): the interrupted apply did not take effect (\(reason)); now failed"
        case .undecided(let reason): return "remediation \(id): still applying; cannot decide: \(reason)"
        }
    }

    static func stamp(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
