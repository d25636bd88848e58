import Foundation
import GitOps
import PullRequests
import Remediation
import Scanner
import TestSupport
import Testing

@testable import CommitScan
@testable import ControllerConfig
@testable import Posture
@testable import Reconciler
@testable import Stages

/// The "done when" for IaC remediation: the bundled `desired-state/` example, reconciled in `propose` mode
/// with the real fix planner, gets one fix branch whose diff is clean (fmt-clean, only the fixed files) and whose
/// scan no longer fails the fixed checks.
@Suite(.serialized) struct DesiredStateProposeTests {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: ReconcileLoopTests.checksDirectory).deletingLastPathComponent()
    }

    /// Every file of `desired-state/`, keyed by its path in the repository.
    static func desiredStateFiles() throws -> [String: String] {
        let root = repositoryRoot.appendingPathComponent("desired-state")
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = root.appendingPathComponent(relative).path
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files["desired-state/" + relative] = try String(contentsOfFile: full, encoding: .utf8)
        }
        return files
    }

    @Test(.timeLimit(.minutes(10))) func proposeModeOnTheExamplePushesACleanFixBranchThatPasses() async throws {
        let h = try await ReconcileLoopTests.Harness()
        let work = try h.remote.createRepository("infra", files: try Self.desiredStateFiles())
        let first = try h.remote.git(["-C", work, "rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let host = try FakeCodeHost(flavor: .github, token: "ghp_example_token", repository: "acme/infra")
        var target = h.target("infra")
        target.paths = ["desired-state/terraform"]
        target.remediation = .propose
        target.proposals = FixProposalSettings(
            grouping: .single,
            pullRequests: .init(
                provider: .github, apiURL: host.apiURL, repository: "acme/infra",
                token: .environment("BULWARK_PR_TOKEN")),
            authorName: "Bulwark Bot", authorEmail: "bulwark@example.com")
        let stage = RemediationProposeStage(plannerFor: { target in IaCFixPlanner(context: FixContext(adminCIDR: target.adminCIDR)) })
        let reconciler = h.reconciler([target], environment: ["BULWARK_PR_TOKEN": "ghp_example_token"], stages: [stage])

        let status = try #require(await reconciler.runOnce().first)
        #expect(status.ready == .true, "\(status)")
        let pr = try #require(host.pullRequests.first, "no pull request: \(status.message)")
        #expect(host.pullRequests.count == 1)
        #expect(pr.head == "bulwark/fix/all")
        #expect(pr.body.contains("BLW-AWS-EC2-002"), "\(pr.body)")

        let bare = { (arguments: [String]) throws -> String in
            try h.remote.git(["--git-dir", h.remote.root + "/srv/infra.git"] + arguments)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(try bare(["rev-parse", pr.head + "^"]) == first)
        let changed = try bare(["diff", "--name-only", first, pr.head]).split(separator: "\n").map(String.init)
        #expect(
            !changed.isEmpty && changed.allSatisfy { $0.hasPrefix("desired-state/terraform/") && $0.hasSuffix(".tf") },
            "\(changed)")
        #expect(try bare(["diff", "--check", first, pr.head]).isEmpty, "whitespace errors in the fix")

        // Every changed file is exactly as `terraform fmt` would write it.
        let directory = try TemporaryDirectory(prefix: "bulwark-fixcheck")
        for (index, path) in changed.enumerated() {
            try (try bare(["show", "\(pr.head):\(path)"]) + "\n")
                .write(toFile: directory.path + "/file\(index).tf", atomically: true, encoding: .utf8)
        }
        // `fmt -check` exits non-zero (and `run` throws) when a file would change; it lists such files by name.
        let fmt = try await Subprocess.run("/usr/bin/env", ["terraform", "fmt", "-check", "-list=true", directory.path])
        #expect(!fmt.contains(".tf"), "not fmt-clean: \(fmt)")

        // The fixed tree loads and the fixed check passes on it.
        let repository = try await GitRepository.open(path: h.remote.root + "/srv/infra.git")
        var options = ScanOptions()
        options.library = CheckLibrary.load(directory: ReconcileLoopTests.checksDirectory)
        let fixedSHA = try bare(["rev-parse", pr.head])
        let before = try await CommitScanner(options: options).scan(repository: repository, commit: first, paths: target.paths)
        let after = try await CommitScanner(options: options).scan(repository: repository, commit: fixedSHA, paths: target.paths)
        #expect(after.loadErrors.isEmpty, "\(after.loadErrors.map(\.display))")
        #expect(before.failed.contains { $0.result.checkID == "BLW-AWS-EC2-002" })
        #expect(!after.failed.contains { $0.result.checkID == "BLW-AWS-EC2-002" })
        #expect(after.failed.count < before.failed.count)
    }
}
