import CloudHTTP
import Foundation
import GitOps
import PullRequests
import Reports
import Scanner
import Store
import TestSupport
import Testing

@testable import CommitScan
@testable import ControllerConfig
@testable import Posture
@testable import Reconciler
@testable import Stages

/// The propose stage through `Reconciler.runOnce`: a real `git daemon` receives the fix branches, loopback GitHub and
/// GitLab fakes receive the requests.
@Suite(.serialized) struct RemediationProposeStageTests {
    static let compute = """
        # Web tier: IMDS still allows v1 for a legacy agent.
        resource "aws_instance" "web" {
          ami           = "ami-0123456789abcdef0"
          instance_type = "t3.micro"

          metadata_options {
            http_tokens = "optional" # legacy agent
          }
        }

        """
    static let storage = """
        resource "aws_s3_bucket" "data" {
          bucket = "acme-data"
        }

        resource "aws_s3_bucket_acl" "data" {
          bucket = aws_s3_bucket.data.id
          acl    = "public-read"
        }

        """
    static let imds = "BLW-AWS-EC2-002"
    static let acl = "BLW-AWS-S3-001"
    static let token = "ghp_secret_token_for_tests_42"
    static let planner = TextReplacementPlanner(replacements: [
        imds: (#"http_tokens = "optional""#, #"http_tokens = "required""#),
        acl: (#"acl    = "public-read""#, #"acl    = "private""#),
    ])
    static let noWait = RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5), jitter: { _ in 0 })

    struct Setup {
        let h: ReconcileLoopTests.Harness
        let work: String
        let first: String
        let host: FakeCodeHost

        init(flavor: FakeCodeHost.Flavor, repository: String, hostToken: String = RemediationProposeStageTests.token) async throws {
            h = try await ReconcileLoopTests.Harness()
            work = try h.remote.createRepository(
                "infra",
                files: [
                    "compute.tf": RemediationProposeStageTests.compute,
                    "storage.tf": RemediationProposeStageTests.storage,
                    "README.md": "infra\n",
                ])
            first = try h.remote.git(["-C", work, "rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
            host = try FakeCodeHost(flavor: flavor, token: hostToken, repository: repository)
        }

        func target(
            provider: PullRequestProvider, repository: String, grouping: FixProposalSettings.Grouping = .perCheck,
            branch: String = "main"
        ) -> TargetConfig {
            var target = h.target("infra", branch: branch)
            target.remediation = .propose
            target.proposals = FixProposalSettings(
                grouping: grouping,
                pullRequests: .init(
                    provider: provider, apiURL: host.apiURL, repository: repository,
                    token: .environment("BULWARK_PR_TOKEN")),
                authorName: "Bulwark Bot", authorEmail: "bulwark@example.com")
            return target
        }

        func reconciler(_ target: TargetConfig) -> Reconciler {
            h.reconciler(
                [target], environment: ["BULWARK_PR_TOKEN": RemediationProposeStageTests.token],
                stages: [
                    RemediationProposeStage(
                        planner: RemediationProposeStageTests.planner,
                        retry: RemediationProposeStageTests.noWait)
                ])
        }

        /// Git against the bare repository the daemon serves.
        func bare(_ arguments: [String]) throws -> String {
            try h.remote.git(["--git-dir", h.remote.root + "/srv/infra.git"] + arguments)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Requests that create or change pull/merge requests.
        var writes: [ReceivedRequest] { host.requests.filter { $0.method != "GET" } }
    }

    @Test(.timeLimit(.minutes(10))) func proposeOpensOnePullRequestPerCheckAndStaysIdempotent() async throws {
        let s = try await Setup(flavor: .github, repository: "acme/infra")
        let reconciler = s.reconciler(s.target(provider: .github, repository: "acme/infra"))

        let status = try #require(await reconciler.runOnce().first)
        #expect(status.ready == .true, "\(status)")
        #expect(status.message.contains("propose-fixes"), "\(status.message)")

        // One request per fixable check, each from its own fix branch into main.
        let prs = s.host.pullRequests
        #expect(prs.map(\.head).sorted() == ["bulwark/fix/blw-aws-ec2-002", "bulwark/fix/blw-aws-s3-001"])
        #expect(prs.allSatisfy { $0.base == "main" && $0.state == "open" })
        let imdsPR = try #require(prs.first { $0.head == "bulwark/fix/blw-aws-ec2-002" })
        for section in [
            "### Findings fixed", "### Compliance before → after", "### How to review",
            "| \(Self.imds)", "aws_instance.web", "compute.tf:7", "cis-aws:5.7", FixProposalRenderer.marker,
        ] {
            #expect(imdsPR.body.contains(section), "body lacks \(section):\n\(imdsPR.body)")
        }
        #expect(!imdsPR.body.contains(Self.acl), "per-check grouping keeps other checks out")
        #expect(imdsPR.title == "bulwark: fix \(Self.imds) (1 resource)")

        // The fix branch: one commit on the scanned commit, touching only the fixed file, comments kept.
        let branch = "bulwark/fix/blw-aws-ec2-002"
        let fixSHA = try s.bare(["rev-parse", branch])
        #expect(try s.bare(["rev-parse", branch + "^"]) == s.first)
        #expect(try s.bare(["diff", "--name-only", s.first, branch]) == "compute.tf")
        let fixed = try s.bare(["show", branch + ":compute.tf"])
        // (`bare` trims the output's final newline.)
        #expect(fixed + "\n" == Self.compute.replacingOccurrences(of: #"http_tokens = "optional""#, with: #"http_tokens = "required""#))
        let message = try s.bare(["log", "-1", "--format=%an <%ae>%n%B", branch])
        #expect(message.hasPrefix("Bulwark Bot <bulwark@example.com>"))
        #expect(message.contains("\(Self.imds) aws_instance.web (compute.tf:7)"))
        #expect(message.contains("Controls: aws-fsbp:EC2.8, cis-aws:5.7"))
        #expect(message.contains("Bulwark-Scanned-Commit: \(s.first)"))
        // The target's own branch never moves.
        #expect(try s.bare(["rev-parse", "main"]) == s.first)

        // The fixed tree parses and the check now passes on it.
        let repository = try await GitRepository.open(path: s.h.remote.root + "/srv/infra.git")
        var options = ScanOptions()
        options.library = CheckLibrary.load(directory: ReconcileLoopTests.checksDirectory)
        let report = try await CommitScanner(options: options).scan(repository: repository, commit: fixSHA, paths: ["."])
        #expect(report.loadErrors.isEmpty, "\(report.loadErrors.map(\.display))")
        #expect(!report.failed.contains { $0.result.checkID == Self.imds })
        #expect(report.failed.contains { $0.result.checkID == Self.acl }, "the other group's fix is on its own branch")

        let proposals = try await s.h.store.fixProposals(target: "infra")
        #expect(proposals.count == 2)
        // The body's metadata line carries the same fingerprints the store keeps.
        let stored = try #require(proposals.first { $0.number == imdsPR.number })
        #expect(FixProposalRenderer.fingerprints(inBody: imdsPR.body) == stored.fingerprints)
        #expect(stored.fingerprints.count == 1)
        #expect(proposals.allSatisfy { $0.state == "open" && $0.baseCommit == s.first && $0.provider == "github" })

        // A second cycle on the same commit: nothing is created, patched or pushed.
        let writes = s.writes.count
        let again = try #require(await reconciler.runOnce(force: true).first)
        #expect(again.ready == .true, "\(again)")
        #expect(s.writes.count == writes)
        #expect(s.host.pullRequests.count == 2)
        #expect(try s.bare(["rev-parse", branch]) == fixSHA)
    }

    @Test(.timeLimit(.minutes(10))) func newCommitUpdatesTheRequestAndClosedOnesAreRespected() async throws {
        let s = try await Setup(flavor: .github, repository: "acme/infra")
        let reconciler = s.reconciler(s.target(provider: .github, repository: "acme/infra"))
        _ = await reconciler.runOnce()
        let branch = "bulwark/fix/blw-aws-ec2-002"
        let imdsNumber = try #require(s.host.pullRequests.first { $0.head == branch }?.number)
        let aclNumber = try #require(s.host.pullRequests.first { $0.head == "bulwark/fix/blw-aws-s3-001" }?.number)

        // A new commit on main: the same requests are patched and the fix branches move onto it.
        let second = try s.h.remote.commit(s.work, files: ["README.md": "infra, now documented\n"], message: "docs")
        try s.h.remote.git(["-C", s.work, "push", "-q", "origin", "main"])
        let before = s.host.requests.count
        let status = try #require(await reconciler.runOnce().first)
        #expect(status.ready == .true, "\(status)")
        let cycle = s.host.requests[before...]
        #expect(!cycle.contains { $0.method == "POST" }, "no new request: \(cycle.map { "\($0.method) \($0.target)" })")
        #expect(
            cycle.filter { $0.method == "PATCH" }.map(\.path).sorted()
                == ["/repos/acme/infra/pulls/\(imdsNumber)", "/repos/acme/infra/pulls/\(aclNumber)"].sorted())
        #expect(s.host.pullRequests.count == 2)
        #expect(try s.bare(["rev-parse", branch + "^"]) == second)
        #expect(s.host.pullRequests.first { $0.number == imdsNumber }?.body.contains(String(second.prefix(12))) == true)

        // People close one request and merge the other; the next commit proposes neither again.
        s.host.setState(imdsNumber, "closed")
        s.host.setState(aclNumber, "merged")
        let movedSHA = try s.bare(["rev-parse", branch])
        _ = try s.h.remote.commit(s.work, files: ["README.md": "infra, third edition\n"], message: "docs again")
        try s.h.remote.git(["-C", s.work, "push", "-q", "origin", "main"])
        let writes = s.writes.count
        let third = try #require(await reconciler.runOnce().first)
        #expect(third.ready == .true, "\(third)")
        #expect(s.writes.count == writes, "closed/merged requests are neither reopened nor replaced")
        #expect(s.host.pullRequests.map(\.state).sorted() == ["closed", "merged"])
        #expect(try s.bare(["rev-parse", branch]) == movedSHA)
        let states = try await s.h.store.fixProposals(target: "infra").map(\.state).sorted()
        #expect(states == ["closed", "merged"])
    }

    @Test(.timeLimit(.minutes(10))) func gitLabMergeRequestForOneGroup() async throws {
        let s = try await Setup(flavor: .gitlab, repository: "acme/infra")
        let reconciler = s.reconciler(s.target(provider: .gitlab, repository: "acme/infra", grouping: .single))
        let status = try #require(await reconciler.runOnce().first)
        #expect(status.ready == .true, "\(status)")
        let mrs = s.host.pullRequests
        #expect(mrs.count == 1)
        let mr = try #require(mrs.first)
        #expect(mr.head == "bulwark/fix/all")
        #expect(mr.body.contains(Self.imds) && mr.body.contains(Self.acl))
        #expect(mr.title == "bulwark: fix 2 findings (2 checks)")
        #expect(mr.body.contains("### Left for a person") && mr.body.contains("no fix defined in the test planner"))
        #expect(s.host.requests.first { $0.method == "POST" }?.path == "/api/v4/projects/acme%2Finfra/merge_requests")
        #expect(
            try s.bare(["diff", "--name-only", s.first, "bulwark/fix/all"]).split(separator: "\n").sorted()
                == ["compute.tf", "storage.tf"])

        let writes = s.writes.count
        _ = await reconciler.runOnce(force: true)
        #expect(s.writes.count == writes)

        // A new commit moves the branch and updates the merge request with PUT.
        let second = try s.h.remote.commit(s.work, files: ["README.md": "v2\n"], message: "v2")
        try s.h.remote.git(["-C", s.work, "push", "-q", "origin", "main"])
        _ = await reconciler.runOnce()
        #expect(s.host.requests.filter { $0.method == "PUT" }.count == 1)
        #expect(s.host.pullRequests.count == 1)
        #expect(try s.bare(["rev-parse", "bulwark/fix/all^"]) == second)
    }

    @Test(.timeLimit(.minutes(10))) func aLostStoreAdoptsTheHostsRequestsInsteadOfOpeningNewOnes() async throws {
        let s = try await Setup(flavor: .github, repository: "acme/infra")
        let target = s.target(provider: .github, repository: "acme/infra")
        _ = await s.reconciler(target).runOnce()
        let imds = try #require(s.host.pullRequests.first { $0.head == "bulwark/fix/blw-aws-ec2-002" })
        let acl = try #require(s.host.pullRequests.first { $0.head == "bulwark/fix/blw-aws-s3-001" })
        s.host.setState(imds.number, "closed")
        let imdsSHA = try s.bare(["rev-parse", imds.head])

        // A second controller with an empty database (and its own clone) over the same repository and host.
        let fresh = try await Store.open(.sqlite(path: s.h.directory + "/fresh.db"))
        var options = ScanOptions()
        options.library = CheckLibrary.load(directory: ReconcileLoopTests.checksDirectory)
        let config = ReconcileConfig(
            file: s.h.directory + "/bulwark.yaml", cacheDirectory: s.h.directory + "/git-fresh",
            targets: [target])
        let other = Reconciler(
            config: config, store: fresh, scanner: CommitScanner(options: options),
            stages: [RemediationProposeStage(planner: Self.planner, retry: Self.noWait)],
            environment: ["BULWARK_PR_TOKEN": Self.token], owner: "replica-2")
        let before = s.host.requests.count
        let status = try #require(await other.runOnce().first)
        #expect(status.ready == .true, "\(status)")
        let cycle = s.host.requests[before...]
        #expect(!cycle.contains { $0.method == "POST" }, "\(cycle.map { "\($0.method) \($0.target)" })")
        // The open one is adopted (its recorded base commit is unknown, so it is refreshed once); the closed one is left.
        #expect(cycle.filter { $0.method == "PATCH" }.map(\.path) == ["/repos/acme/infra/pulls/\(acl.number)"])
        #expect(s.host.pullRequests.count == 2)
        #expect(try s.bare(["rev-parse", imds.head]) == imdsSHA)
        let adopted = try await fresh.fixProposals(target: "infra").map { "\($0.number):\($0.state)" }.sorted()
        #expect(adopted == ["\(imds.number):closed", "\(acl.number):open"].sorted())
    }

    @Test(.timeLimit(.minutes(10))) func withoutAHostOnlyTheBranchIsPushedOnce() async throws {
        let s = try await Setup(flavor: .github, repository: "acme/infra")
        var target = s.target(provider: .github, repository: "acme/infra", grouping: .single)
        target.proposals.pullRequests = nil
        let reconciler = s.reconciler(target)
        let status = try #require(await reconciler.runOnce().first)
        #expect(status.ready == .true, "\(status)")
        #expect(status.message.contains("all pushed bulwark/fix/all"), "\(status.message)")
        let sha = try s.bare(["rev-parse", "bulwark/fix/all"])
        #expect(try s.bare(["rev-parse", "bulwark/fix/all^"]) == s.first)
        _ = await reconciler.runOnce(force: true)
        #expect(try s.bare(["rev-parse", "bulwark/fix/all"]) == sha)
        #expect(s.host.requests.isEmpty)
        #expect(try await s.h.store.fixProposals(target: "infra").map(\.provider) == ["none"])
    }

    /// A push the remote refuses (a hook here; a non-bare local clone or a protected branch alike) is the propose
    /// stage's error in the status: the cycle's scan is stored and the target stays Ready.
    @Test(.timeLimit(.minutes(10))) func aRefusedPushIsTheStagesErrorNotTheCycles() async throws {
        let s = try await Setup(flavor: .github, repository: "acme/infra")
        let hook = s.h.remote.root + "/srv/infra.git/hooks/pre-receive"
        try "#!/bin/sh\necho 'pushes are closed' >&2\nexit 1\n".write(toFile: hook, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
        var target = s.target(provider: .github, repository: "acme/infra", grouping: .single)
        target.proposals.pullRequests = nil
        let status = try #require(await s.reconciler(target).runOnce().first)
        #expect(status.ready == .true, "\(status)")
        #expect(status.message.contains("all failed"), "\(status.message)")
        #expect(try await s.h.store.latestScan(target: "infra")?.commit == s.first)
        #expect(throws: (any Error).self) { try s.bare(["rev-parse", "--verify", "-q", "bulwark/fix/all"]) }
        #expect(try await s.h.store.fixProposals(target: "infra").isEmpty)
    }

    @Test(.timeLimit(.minutes(10))) func refusedTokenStallsWithAClearErrorAndNoSecret() async throws {
        let s = try await Setup(flavor: .github, repository: "acme/infra", hostToken: "a-different-token")
        let reconciler = s.reconciler(s.target(provider: .github, repository: "acme/infra"))
        let status = try #require(await reconciler.runOnce().first)
        #expect(status.ready == .false)
        #expect(status.reason == .stalled, "a refused token is not retried with backoff")
        let error = try #require(status.lastError)
        #expect(error.contains("AuthenticationFailed"), "\(error)")
        #expect(error.contains("GitHub GET /repos/acme/infra/pulls"), "\(error)")
        #expect(error.contains("HTTP 401") && error.contains("Bad credentials"), "\(error)")
        #expect(!error.contains(Self.token))
        #expect(!status.message.contains(Self.token))
        #expect(s.host.pullRequests.isEmpty)
    }

    @Test(.timeLimit(.minutes(10))) func missingTokenVariableIsAConfigurationError() async throws {
        let s = try await Setup(flavor: .github, repository: "acme/infra")
        let stage = RemediationProposeStage(planner: Self.planner, retry: Self.noWait)
        let reconciler = s.h.reconciler(
            [s.target(provider: .github, repository: "acme/infra")], environment: [:],
            stages: [stage])
        let status = try #require(await reconciler.runOnce().first)
        #expect(status.reason == .stalled)
        #expect(status.lastError?.contains("MissingSecret") == true, "\(status.lastError ?? "")")
        #expect(status.lastError?.contains("BULWARK_PR_TOKEN") == true)
        #expect(s.host.requests.isEmpty)
    }

    @Test(.timeLimit(.minutes(10))) func theTargetsOwnBranchIsNeverPushed() async throws {
        let s = try await Setup(flavor: .github, repository: "acme/infra")
        try s.h.remote.git(["-C", s.work, "push", "-q", "origin", "main:bulwark/fix/all"])
        let reconciler = s.reconciler(
            s.target(
                provider: .github, repository: "acme/infra", grouping: .single,
                branch: "bulwark/fix/all"))
        let status = try #require(await reconciler.runOnce().first)
        #expect(status.ready == .false)
        #expect(status.lastError?.contains("refusing to push bulwark/fix/all") == true, "\(status.lastError ?? "")")
        #expect(try s.bare(["rev-parse", "bulwark/fix/all"]) == s.first)
        #expect(s.host.pullRequests.isEmpty)
    }
}
