import Checks
import Model
import Terraform

/// Re-loads the root modules of fixed resources from the edited tree and re-runs their checks: a fix whose
/// check does not now pass is reported, so the planner can drop it (never ship a fix that does not fix).
struct FixVerifier {
    let context: FixContext

    /// One fixed result to verify.
    struct Item {
        var key: PlanKey
        var check: CheckDefinition
        var root: String?
    }

    /// The items whose check does not pass on `edited`, with why.
    func failures(of items: [Item], edited: any FileTree) -> [PlanKey: FixProblem] {
        var out: [PlanKey: FixProblem] = [:]
        var byRoot: [String: [Item]] = [:]
        for item in items {
            guard let root = item.root else {
                out[item.key] = FixProblem(.verificationFailed, "the root module could not be found to verify the fix")
                continue
            }
            byRoot[root, default: []].append(item)
        }
        for (root, items) in byRoot.sorted(by: { $0.key < $1.key }) {
            var options = context.loadOptions
            options.fileTree = edited
            let loaded = ModuleLoader.load(directory: root, options: options)
            var checks: [String: CheckDefinition] = [:]
            for item in items { checks[item.check.id] = item.check }
            let engine = CheckEngine(checks: checks.values.sorted { $0.id < $1.id })
            var verdicts: [PlanKey: CheckResult] = [:]
            for result in engine.evaluate(graph: loaded.graph) {
                verdicts[PlanKey(checkID: result.checkID, address: result.resourceAddress)] = result
            }
            for item in items {
                guard let result = verdicts[item.key] else {
                    out[item.key] = FixProblem(.verificationFailed, "after the edit the resource no longer loads from \(root)")
                    continue
                }
                if result.verdict != .passed {
                    out[item.key] = FixProblem(
                        .verificationFailed,
                        "the check is still \(result.verdict) after the edit (\(result.evidence))")
                }
            }
        }
        return out
    }
}

/// A check on a resource: what a plan fixes or leaves manual.
struct PlanKey: Hashable, Sendable {
    var checkID: String
    var address: String
}
