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
        let fixed: [[String: Any]] = plan.fixed.map { fix in
            [
                "checkID": fix.checkID, "resource": fix.resourceAddress, "fixID": fix.fixID, "summary": fix.summary,
                "file": relative(fix.file), "line": fix.line, "controls": fix.controls,
            ]
        }
        let manual: [[String: Any]] = plan.manual.map { item in
            var entry: [String: Any] = ["checkID": item.checkID, "resource": item.resourceAddress, "reason": item.reason]
            if let location = item.location {
                entry["file"] = relative(location.file)
                entry["line"] = location.start.line
                entry["column"] = location.start.column
            }
            return entry
        }
        let errors: [[String: Any]] = notLoaded.map { error in
            var entry: [String: Any] = ["code": error.code, "message": error.message]
            if let file = error.file { entry["file"] = file }
            if let line = error.line { entry["line"] = line }
            if let column = error.column { entry["column"] = column }
            return entry
        }
        var object: [String: Any] = [
            "dryRun": dryRun, "fixed": fixed, "manual": manual, "notLoaded": errors, "notWritten": notWritten,
            "files": plan.edits.map { relative($0.path) },
            "timing": [
                "scanSeconds": timing.scanSeconds, "planSeconds": timing.planSeconds,
                "secondsPerFix": plan.fixed.isEmpty ? 0 : timing.planSeconds / Double(plan.fixed.count),
            ],
        ]
        if let diff { object["diff"] = diff }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
