import Checks
import Foundation
import Model
import Terraform
import TestSupport

@testable import Remediation

/// Plans fixes over files held in memory: loads the root module, runs the given checks, plans with verification.
struct MemoryHarness {
    static let root = "/repo"
    let tree: MemoryFileTree
    let checks: [CheckDefinition]

    /// `files`: paths relative to the repository → text; `checks`: IDs from the real library, plus `extra` YAML checks.
    init(files: [String: String], checks ids: [String], extra: [String] = []) throws {
        tree = MemoryFileTree(root: Self.root, files: files.mapValues { Array($0.utf8) })
        let library = CheckLoader.load(directory: TestPaths.checks).checks
        var chosen = library.filter { ids.contains($0.id) }
        for (i, yaml) in extra.enumerated() {
            switch CheckLoader.load(yaml: yaml, file: "extra-\(i).yaml") {
            case .success(let check): chosen.append(check)
            case .failure(let diagnostic): throw TestFailure("extra check \(i): \(diagnostic)")
            }
        }
        guard chosen.count == ids.count + extra.count else { throw TestFailure("unknown check among \(ids)") }
        checks = chosen
    }

    /// The failed results of the root module in `directory` (relative), with files made absolute.
    /// `scopes`, when given, keeps the evaluated root module as `bulwark fix`'s scan does.
    func failures(in directory: String = ".", scopes: ModuleScopes? = nil) -> [FixTarget] {
        let rootDirectory = TreePath.clean(Self.root + "/" + directory)
        var options = LoadOptions()
        options.fileTree = tree
        options.scopes = scopes
        let loaded = ModuleLoader.load(directory: rootDirectory, options: options)
        return CheckEngine(checks: checks).evaluate(graph: loaded.graph).compactMap { result in
            guard result.verdict == .failed else { return nil }
            var fixed = result
            if let file = result.range?.file, !file.hasPrefix("/") { fixed.range?.file = rootDirectory + "/" + file }
            return FixTarget(result: fixed, rootDirectory: rootDirectory)
        }
    }

    /// The plan for every failure of the root module in `directory`.
    func plan(in directory: String = ".", adminCIDR: String? = nil) -> FixPlan {
        let planner = IaCFixPlanner(context: FixContext(adminCIDR: adminCIDR, searchRoots: [Self.root]))
        return planner.plan(targets: failures(in: directory), in: tree, checkIDs: nil)
    }

    /// The plan for every failure of the root module in `directory` and the work its verification did; with
    /// `reuseScan` the failures' load keeps its evaluated root module for verification, as `bulwark fix` does.
    func planCounting(in directory: String = ".", reuseScan: Bool = true) -> (plan: FixPlan, verification: VerificationEffort) {
        let scopes = reuseScan ? ModuleScopes() : nil
        let targets = failures(in: directory, scopes: scopes)
        let planner = IaCFixPlanner(context: FixContext(searchRoots: [Self.root], scopes: scopes))
        return planner.planCounting(targets: targets, in: tree, checkIDs: nil)
    }

    /// The updated text of `path` (relative) in `plan`, or nil when the plan leaves it alone.
    static func updated(_ path: String, in plan: FixPlan) -> String? {
        plan.edits.first { $0.path == root + "/" + path }?.updated
    }
}
