import Foundation
import Remediation
import Reports

/// Renders a fix plan for `bulwark fix`: a readable summary, or JSON for scripts and the benchmark.
enum FixOutput {
    /// What was fixed, what is left manual and why, which files did not load; the diff first on a dry run.
    static func text(
        _ plan: FixPlan, diff: String?, notLoaded: [ReportDiagnostic] = [], notWritten: [String] = [],
        relative: (String) -> String
    ) -> String {
        var out = diff ?? ""
        if let diff, !diff.isEmpty { out += "\n" }
        let verb = diff == nil ? "Fixed" : "Would fix"
        out += "\(verb) \(plan.fixed.count) finding(s) in \(plan.edits.count) file(s).\n"
        for fix in plan.fixed {
            out += "  \(fix.checkID) \(fix.resourceAddress): \(fix.summary) [\(fix.fixID)] (\(relative(fix.file)):\(fix.line))\n"
        }
        if !plan.manual.isEmpty {
            out += "Left to fix by hand: \(plan.manual.count).\n"
            for item in plan.manual {
                let location = item.location.map { " (\(relative($0.file)):\($0.start.line):\($0.start.column))" } ?? ""
                out += "  \(item.checkID) \(item.resourceAddress)\(location): \(item.reason)\n"
            }
        }
        if !notLoaded.isEmpty {
            out += "Not loaded, so not fixed (correct these and run again): \(notLoaded.count).\n"
            for error in notLoaded { out += "  \(error.display)\n" }
        }
        if !notWritten.isEmpty {
            out += "Not written (the other files were): \(notWritten.count).\n"
            for failure in notWritten { out += "  \(failure)\n" }
        }
        return out
    }

    /// `{"dryRun", "fixed": [...], "manual": [...], "notLoaded": [...], "notWritten": [...], "files": [...], "diff"?,
    /// "timing"}`.
    static func json(
        _ plan: FixPlan, diff: String?, dryRun: Bool, timing: FixTiming, notLoaded: [ReportDiagnostic] = [],
        notWritten: [String] = [], relative: (String) -> String
    ) -> String {
        // Members in the order Foundation's sorted keys gave them (the output is unchanged from when it wrote them).
        let fixed: [FixJSON] = plan.fixed.map { fix in
            .object([
                ("checkID", .string(fix.checkID)), ("controls", .strings(fix.controls)), ("file", .string(relative(fix.file))),
                ("fixID", .string(fix.fixID)), ("line", .int(fix.line)), ("resource", .string(fix.resourceAddress)),
                ("summary", .string(fix.summary)),
            ])
        }
        let manual: [FixJSON] = plan.manual.map { item in
            var entry: [(String, FixJSON)] = [("checkID", .string(item.checkID))]
            if let location = item.location {
                entry += [
                    ("column", .int(location.start.column)), ("file", .string(relative(location.file))),
                    ("line", .int(location.start.line)),
                ]
            }
            entry += [("reason", .string(item.reason)), ("resource", .string(item.resourceAddress))]
            return .object(entry)
        }
        let errors: [FixJSON] = notLoaded.map { error in
            var entry: [(String, FixJSON)] = [("code", .string(error.code))]
            if let column = error.column { entry.append(("column", .int(column))) }
            if let file = error.file { entry.append(("file", .string(file))) }
            if let line = error.line { entry.append(("line", .int(line))) }
            entry.append(("message", .string(error.message)))
            return .object(entry)
        }
        var members: [(String, FixJSON)] = []
        if let diff { members.append(("diff", .string(diff))) }
        members += [
            ("dryRun", .bool(dryRun)), ("files", .strings(plan.edits.map { relative($0.path) })), ("fixed", .array(fixed)),
            ("manual", .array(manual)), ("notLoaded", .array(errors)), ("notWritten", .strings(notWritten)),
            (
                "timing",
                .object([
                    ("planSeconds", .double(timing.planSeconds)), ("scanSeconds", .double(timing.scanSeconds)),
                    ("secondsPerFix", .double(plan.fixed.isEmpty ? 0 : timing.planSeconds / Double(plan.fixed.count))),
                ])
            ),
        ]
        return FixJSON.object(members).rendered()
    }
}
