import Checks
import Foundation
import HCL
import Model
import Terraform

/// Plans IaC fixes as minimal textual HCL edits: each failed result whose check declares a fix is applied to
/// the tree's text in a stable order (file, position, check); what cannot be done safely becomes a `ManualFix`;
/// finally every fixed resource is re-checked on the edited tree and fixes that do not fix are dropped.
public struct IaCFixPlanner: IaCFixPlanning {
    /// Parameters, search roots and verification settings.
    public var context: FixContext

    /// A planner with `context`.
    public init(context: FixContext = FixContext()) {
        self.context = context
    }

    /// Plans fixes for the failed results among `results` (root modules inferred from their files).
    public func plan(for results: [CheckResult], in tree: any FileTree, checkIDs: Set<String>?) -> FixPlan {
        plan(targets: results.map { FixTarget(result: $0) }, in: tree, checkIDs: checkIDs)
    }

    /// Plans fixes for the failed results among `targets`, limited to `checkIDs` when given.
    public func plan(targets: [FixTarget], in tree: any FileTree, checkIDs: Set<String>?) -> FixPlan {
        planCounting(targets: targets, in: tree, checkIDs: checkIDs).plan
    }

    /// `plan(targets:in:checkIDs:)`, also telling the work verification did.
    func planCounting(
        targets: [FixTarget], in tree: any FileTree, checkIDs: Set<String>?
    ) -> (
        plan: FixPlan, verification: VerificationEffort
    ) {
        var effort = VerificationEffort()
        var seen = Set<PlanKey>()
        var work: [WorkItem] = []
        var unlocated: [ManualFix] = []
        // On the disk making a path absolute resolves its links, and many findings name the same file and root.
        var absolute: [String: String] = [:]
        func absolutePath(_ path: String) -> String {
            if let known = absolute[path] { return known }
            let converted = tree.absolutePath(path)
            absolute[path] = converted
            return converted
        }
        for target in targets {
            let result = target.result
            guard result.verdict == .failed, result.check.fix != nil, checkIDs?.contains(result.checkID) ?? true else { continue }
            let key = PlanKey(checkID: result.checkID, address: result.resourceAddress)
            guard seen.insert(key).inserted else { continue }
            guard let range = result.range else {
                unlocated.append(manual(result, FixProblem(.notFound, "the finding has no source location (a plan or state input)")))
                continue
            }
            work.append(
                WorkItem(key: key, target: target, file: absolutePath(range.file), root: target.rootDirectory.map(absolutePath)))
        }
        work.sort { a, b in
            if a.file != b.file { return a.file < b.file }
            let pa = a.target.result.range?.start.byte ?? 0
            let pb = b.target.result.range?.start.byte ?? 0
            if pa != pb { return pa < pb }
            return (a.key.checkID, a.key.address) < (b.key.checkID, b.key.address)
        }
        let roots = context.searchRoots.isEmpty ? [tree.workingDirectory] : context.searchRoots.map { tree.absolutePath($0) }
        let index = LazyIndex(roots: roots, tree: tree, maxFileSize: context.loadOptions.maxFileSize)
        var excluded: [PlanKey: FixProblem] = [:]
        // Each round re-plans without the fixes verification rejected; a fix is only dropped, never added back, so
        // every round drops at least one and the rounds end. Only a plan that still fails after as many rounds as
        // fixes (or 3) is given up whole.
        var final: FixPlan?
        for _ in 0..<max(3, work.count + 1) {
            let attempt = self.attempt(work, tree: tree, excluded: excluded, index: index)
            guard context.verify, !attempt.verify.isEmpty else {
                final = attempt.plan
                break
            }
            let overlay = OverlayFileTree(
                base: tree,
                overrides: Dictionary(
                    uniqueKeysWithValues: attempt.workspace.changedFiles.map { ($0.path, $0.updated) }))
            let verified = FixVerifier(context: context).failures(
                of: attempt.verify, edited: overlay, workspace: attempt.workspace)
            effort.modulesLoaded += verified.effort.modulesLoaded
            effort.blocksReevaluated += verified.effort.blocksReevaluated
            if verified.failures.isEmpty {
                final = attempt.plan
                break
            }
            excluded.merge(verified.failures) { first, _ in first }
        }
        var plan = final ?? settle(work, tree: tree, excluded: excluded, index: index)
        plan.manual += unlocated
        return (plan, effort)
    }

    /// The last round: if dropping fixes still leaves one that does not verify, nothing is shipped.
    private func settle(
        _ work: [WorkItem], tree: any FileTree,
        excluded: [PlanKey: FixProblem], index: LazyIndex
    ) -> FixPlan {
        let attempt = self.attempt(work, tree: tree, excluded: excluded, index: index)
        let overlay = OverlayFileTree(
            base: tree,
            overrides: Dictionary(
                uniqueKeysWithValues: attempt.workspace.changedFiles.map { ($0.path, $0.updated) }))
        let failures = FixVerifier(context: context).failures(of: attempt.verify, edited: overlay, workspace: attempt.workspace)
            .failures
        if failures.isEmpty { return attempt.plan }
        var plan = attempt.plan
        plan.edits = []
        plan.manual += plan.fixed.map { fix in
            ManualFix(
                checkID: fix.checkID, resourceAddress: fix.resourceAddress, location: nil,
                reason: "the fixes of this plan did not verify together; apply them one check at a time")
        }
        plan.fixed = []
        return plan
    }

    private func attempt(
        _ work: [WorkItem], tree: any FileTree,
        excluded: [PlanKey: FixProblem], index: LazyIndex
    )
        -> (plan: FixPlan, workspace: EditWorkspace, verify: [FixVerifier.Item])
    {
        var workspace = EditWorkspace(tree: tree, maxFileSize: context.loadOptions.maxFileSize)
        let applier = FixApplier(
            parameters: context.parameters, tracer: ValueTracer(callIndex: { index.value }),
            named: .standard)
        var plan = FixPlan()
        var verify: [FixVerifier.Item] = []
        for (owner, item) in work.enumerated() {
            let result = item.target.result
            guard let spec = result.check.fix else { continue }
            if let problem = excluded[item.key] {
                plan.manual.append(manual(result, problem))
                continue
            }
            guard let resource = ResourceReference(address: result.resourceAddress, file: item.file) else {
                plan.manual.append(manual(result, FixProblem(.unsupportedExpression, "only managed resources are fixed in code")))
                continue
            }
            do throws(FixProblem) {
                let landed = try applier.apply(spec, to: resource, owner: owner, workspace: &workspace)
                plan.fixed.append(
                    AppliedFix(
                        checkID: result.checkID, resourceAddress: result.resourceAddress, fixID: spec.id, summary: spec.summary,
                        file: landed.file, line: landed.line,
                        controls: result.check.references.cis.keys.sorted().flatMap { framework in
                            (result.check.references.cis[framework] ?? []).map { "\(framework):\($0)" }
                        }))
                let root = item.root ?? inferredRoot(of: resource, index: index)
                verify.append(FixVerifier.Item(key: item.key, check: result.check, root: root))
            } catch {
                var problem = error
                problem.location = problem.location.map { workspace.translate($0) }
                plan.manual.append(manual(result, problem))
            }
        }
        plan.edits = workspace.changedFiles.map { change in
            FileEdit(
                path: change.path, original: String(decoding: change.original, as: UTF8.self),
                updated: String(decoding: change.updated, as: UTF8.self))
        }
        return (plan, workspace, verify)
    }

    private func manual(_ result: CheckResult, _ problem: FixProblem) -> ManualFix {
        ManualFix(checkID: result.checkID, resourceAddress: result.resourceAddress, location: result.range, reason: problem.reason)
    }

    /// The root module of a resource: its own directory, or climbing the module calls that lead to it.
    private func inferredRoot(of resource: ResourceReference, index: LazyIndex) -> String? {
        var directory = ValueTracer.directory(of: resource.file)
        for call in resource.modulePath.reversed() {
            let calls = index.value.calls(to: directory, named: call)
            guard calls.count == 1, let caller = calls.first else { return nil }
            directory = ValueTracer.directory(of: caller.file)
        }
        return directory
    }
}

/// A failed result to fix: its plan key, the resource's file and the root module it was scanned in (absolute).
struct WorkItem {
    var key: PlanKey
    var target: FixTarget
    var file: String
    var root: String?
}

/// The module call index, built at most once per plan and only when a fix needs it.
final class LazyIndex: @unchecked Sendable {
    // @unchecked: `built` is only touched under `lock`.
    private let lock = NSLock()
    private let roots: [String]
    private let tree: any FileTree
    private let maxFileSize: Int
    private var built: ModuleCallIndex?

    init(roots: [String], tree: any FileTree, maxFileSize: Int) {
        self.roots = roots
        self.tree = tree
        self.maxFileSize = maxFileSize
    }

    /// The index, built on first use.
    var value: ModuleCallIndex {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let index = ModuleCallIndex(roots: roots, tree: tree, maxFileSize: maxFileSize)
        built = index
        return index
    }
}
