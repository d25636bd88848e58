import Checks
import HCL
import Model
import Terraform

/// Re-checks fixed resources on the edited tree: a fix whose check does not now pass is reported, so the planner can
/// drop it (never ship a fix that does not fix). Each root module is verified in one of two ways, with the same
/// verdicts: when the edits it reads only changed the text inside resource blocks that nothing else in it reads,
/// those blocks, as edited, are evaluated again in the root module the scan evaluated (every value they read is final
/// there and none of theirs reaches another item); otherwise the root module is loaded again from the edited tree.
struct FixVerifier {
    let context: FixContext

    /// One fixed result to verify.
    struct Item {
        var key: PlanKey
        var check: CheckDefinition
        var root: String?
    }

    /// The items whose check does not pass on `edited` (the tree with `workspace`'s edits), with why, and the work done.
    func failures(
        of items: [Item], edited: any FileTree, workspace: EditWorkspace
    ) -> (
        failures: [PlanKey: FixProblem], effort: VerificationEffort
    ) {
        var out: [PlanKey: FixProblem] = [:]
        var effort = VerificationEffort()
        var byRoot: [String: [Item]] = [:]
        for item in items {
            guard let root = item.root else {
                out[item.key] = FixProblem(.verificationFailed, "the root module could not be found to verify the fix")
                continue
            }
            byRoot[root, default: []].append(item)
        }
        let changed = byRoot.isEmpty ? [] : workspace.changedFragments
        for (root, items) in byRoot.sorted(by: { $0.key < $1.key }) {
            var checks: [String: CheckDefinition] = [:]
            for item in items { checks[item.check.id] = item.check }
            let engine = CheckEngine(checks: checks.values.sorted { $0.id < $1.id })
            let graph: ResourceGraph
            if let resources = reevaluated(root: root, changed: changed) {
                graph = ResourceGraph(resources.resources)
                effort.blocksReevaluated += resources.blocks
            } else {
                var options = context.loadOptions
                options.fileTree = edited
                graph = ModuleLoader.load(directory: root, options: options).graph
                effort.modulesLoaded += 1
            }
            var verdicts: [PlanKey: CheckResult] = [:]
            for result in engine.evaluate(graph: graph) {
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
        return (out, effort)
    }

    /// The resources of root module `root` on the edited tree, from the scan's evaluation of it with the edited blocks
    /// evaluated again, and how many blocks that was; nil when the edits it reads are not all of that kind (a changed
    /// file of another module it calls, a variable, local, tfvars or override file, a block that expands or is read).
    private func reevaluated(
        root: String, changed: [(path: String, fragment: WorkingFile, sameItems: Bool)]
    ) -> (resources: [Resource], blocks: Int)? {
        guard let scope = context.scopes?.scope(for: root), !scope.hasOverrides else { return nil }
        var blocks: [Block] = []
        // Thousands of edited blocks share a few files, and telling how one bears on the module resolves its path.
        var places: [String: ModuleScope.EditedFile] = [:]
        for change in changed {
            let place = places[change.path] ?? scope.classify(change.path)
            places[change.path] = place
            if place == .notRead { continue }
            guard place == .rootFile, change.path.hasSuffix(".tf"), change.sameItems,
                change.fragment.parsed.body.attributes.isEmpty,
                change.fragment.parsed.body.blocks.allSatisfy({ $0.type == "resource" && $0.labels.count == 2 })
            else { return nil }
            blocks += change.fragment.parsed.body.blocks
        }
        let edited = Set(blocks.map { "\($0.labels[0]).\($0.labels[1])" })
        guard edited.count == blocks.count else { return nil }
        var replaced: [String: Resource] = [:]
        for block in blocks {
            guard let resource = scope.reevaluate(block, edited: edited) else { return nil }
            replaced[resource.address] = resource
        }
        let resources = scope.resources.map { resource in
            resource.modulePath.isEmpty && resource.mode == .managed && resource.instanceKey == nil
                ? replaced[resource.address] ?? resource : resource
        }
        return (resources, blocks.count)
    }
}

/// A check on a resource: what a plan fixes or leaves manual.
struct PlanKey: Hashable, Sendable {
    var checkID: String
    var address: String
}
