import Checks
import Model
import Remediation

/// A fix planner for the propose-stage tests: per check ID, replace one piece of text in the resource's file.
/// Failed results of other checks come back as manual fixes, as a real planner does for checks without a fix.
struct TextReplacementPlanner: IaCFixPlanning {
    /// Check ID → (text to find, replacement).
    let replacements: [String: (find: String, replace: String)]

    func plan(for results: [CheckResult], in tree: any FileTree, checkIDs: Set<String>?) -> FixPlan {
        var texts: [String: (original: String, updated: String)] = [:]
        var plan = FixPlan()
        for result in results where result.verdict == .failed && (checkIDs?.contains(result.checkID) ?? true) {
            guard let file = result.range?.file, let rule = replacements[result.checkID] else {
                plan.manual.append(
                    ManualFix(
                        checkID: result.checkID, resourceAddress: result.resourceAddress,
                        location: result.range, reason: "no fix defined in the test planner"))
                continue
            }
            var entry = texts[file]
            if entry == nil, case .success(let bytes) = tree.read(file, maxSize: 1 << 20) {
                let text = String(decoding: bytes, as: UTF8.self)
                entry = (text, text)
            }
            guard var current = entry, let range = current.updated.range(of: rule.find) else {
                plan.manual.append(
                    ManualFix(
                        checkID: result.checkID, resourceAddress: result.resourceAddress,
                        location: result.range, reason: "the value is not written literally"))
                continue
            }
            let line = current.updated[..<range.lowerBound].filter { $0 == "\n" }.count + 1
            current.updated.replaceSubrange(range, with: rule.replace)
            texts[file] = current
            let controls = result.check.references.cis.keys.sorted().flatMap { framework in
                (result.check.references.cis[framework] ?? []).map { "\(framework):\($0)" }
            }
            plan.fixed.append(
                AppliedFix(
                    checkID: result.checkID, resourceAddress: result.resourceAddress,
                    fixID: "test-replace", summary: "set \(rule.replace)", file: file, line: line,
                    controls: controls))
        }
        plan.edits = texts.keys.sorted().compactMap { path in
            texts[path].flatMap { $0.original == $0.updated ? nil : FileEdit(path: path, original: $0.original, updated: $0.updated) }
        }
        return plan
    }
}
