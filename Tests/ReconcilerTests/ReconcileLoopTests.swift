import Foundation
import GitOps
import Logging
import Reports
import Scanner
import ServiceLifecycle
import Store
import Testing

@testable import CommitScan
@testable import ControllerConfig
@testable import Posture
@testable import Reconciler
@testable import Stages

/// The loop against a real `git daemon` and the embedded SQLite store.
@Suite(.serialized) struct ReconcileLoopTests {
    static let insecure = """
        resource "aws_s3_bucket" "data" {
          bucket = "acme-data"
        }

        resource "aws_s3_bucket_acl" "data" {
          bucket = aws_s3_bucket.data.id
          acl    = "public-read"
        }
        """
    static let fixed = """
        resource "aws_s3_bucket" "data" {
          bucket = "acme-data"
        }

        resource "aws_s3_bucket_acl" "data" {
          bucket = aws_s3_bucket.data.id
          acl    = "private"
        }
        """

    /// The project's check library (Tests/ReconcilerTests/… → checks/).
    static var checksDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("checks").path
    }

    struct Harness {
        let remote: GitRemoteFixture
        let store: Store
        let directory: String

        init() async throws {
            remote = try GitRemoteFixture()
            directory = remote.root + "/controller"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            store = try await Store.open(.sqlite(path: directory + "/bulwark.db"))
        }

        func reconciler(
            _ targets: [TargetConfig], environment: [String: String] = [:],
            stages: [any ReconcileStage] = [], shutdownGrace: Duration = .seconds(30)
        ) -> Reconciler {
            var options = ScanOptions()
            options.library = CheckLibrary.load(directory: ReconcileLoopTests.checksDirectory)
            let config = ReconcileConfig(
                file: directory + "/bulwark.yaml", cacheDirectory: directory + "/git",
                concurrency: 3, targets: targets)
            return Reconciler(
                config: config, store: store, scanner: CommitScanner(options: options), stages: stages,
                environment: environment, owner: "test-replica", shutdownGrace: shutdownGrace)
        }

        func target(_ name: String, branch: String = "main", url: String? = nil) -> TargetConfig {
            TargetConfig(
                name: name, repository: url ?? remote.url(name), branch: branch, paths: ["."],
                interval: .seconds(3600), pollInterval: .seconds(60), timeout: .seconds(180))
        }
    }

    @Test(.timeLimit(.minutes(10))) func newCommitsAreScannedAndUnchangedOnesAreNot() async throws {
        let h = try await Harness()
        let work = try h.remote.createRepository("infra", files: ["main.tf": Self.insecure])
        let first = try h.remote.git(["-C", work, "rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let reconciler = h.reconciler([h.target("infra")])

        var status = try #require(await reconciler.runOnce().first)
        #expect(status.ready == .true, "\(status)")
        #expect(status.reason == .succeeded)
        #expect(status.lastObservedCommit == "main@sha1:\(first)")
        let scan = try #require(try await h.store.latestScan(target: "infra"))
        #expect(scan.commit == first)
        #expect(scan.trigger == "reconcile")
        let open = try await h.store.openFindings(target: "infra")
        #expect(open.contains { $0.resourceAddress == "aws_s3_bucket_acl.data" && $0.firstSeenCommit == first })

        // Same commit, interval not elapsed: nothing is scanned again.
        status = try #require(await reconciler.runOnce().first)
        #expect(status.ready == .true)
        #expect(try await h.store.scans(target: "infra", limit: 10).count == 1)

        // A new commit that fixes the ACL: scanned, and the finding is resolved in that commit.
        let second = try h.remote.commit(work, files: ["main.tf": Self.fixed], message: "private ACL")
        try h.remote.git(["-C", work, "push", "-q", "origin", "main"])
        status = try #require(await reconciler.runOnce().first)
        #expect(status.lastObservedCommit == "main@sha1:\(second)")
        #expect(try await h.store.scans(target: "infra", limit: 10).count == 2)
        let resolved = try await h.store.allFindings(target: "infra").filter { $0.state == .resolved }
        #expect(resolved.contains { $0.resourceAddress == "aws_s3_bucket_acl.data" && $0.resolvedInCommit == second })

        // History rewritten on the remote (force-push): the new tip is scanned.
        try h.remote.git(["-C", work, "reset", "-q", "--hard", first])
        let rewritten = try h.remote.commit(work, files: ["README.md": "rewritten"], message: "rewrite")
        try h.remote.git(["-C", work, "push", "-q", "--force", "origin", "main"])
        status = try #require(await reconciler.runOnce().first)
        #expect(status.lastObservedCommit == "main@sha1:\(rewritten)", "\(status)")
        #expect(try await h.store.latestScan(target: "infra")?.commit == rewritten)

        // A restarted controller reads the statuses back and does not rescan the stored commit.
        let restarted = h.reconciler([h.target("infra")])
        try await restarted.restoreStatuses()
        _ = await restarted.runOnce()
        #expect(try await h.store.scans(target: "infra", limit: 10).count == 3)
    }

    @Test(.timeLimit(.minutes(10))) func deletedBranchStallsWithAClearMessage() async throws {
        let h = try await Harness()
        let work = try h.remote.createRepository("feature", files: ["main.tf": Self.fixed])
        try h.remote.git(["-C", work, "push", "-q", "origin", "main:topic"])
        let reconciler = h.reconciler([h.target("feature", branch: "topic")])
        #expect(await reconciler.runOnce().first?.ready == .true)

        try h.remote.git(["-C", work, "push", "-q", "origin", "--delete", "topic"])
        let status = try #require(await reconciler.runOnce(force: true).first)
        #expect(status.ready == .false)
        #expect(status.reason == .stalled)
        #expect(status.message.contains("branch 'topic' not found"), "\(status.message)")
        // The last good revision is kept, as Flux keeps its artifact.
        #expect(status.lastObservedCommit?.hasPrefix("topic@sha1:") == true)
    }

    @Test(.timeLimit(.minutes(10))) func failuresBackOffAndStallWithoutDelayingOtherTargets() async throws {
        let h = try await Harness()
        try h.remote.createRepository("good", files: ["main.tf": Self.fixed])
        let deadPort = try GitRemoteFixture.freePort()
        var secretTarget = h.target("secret")
        secretTarget.repository = h.remote.url("good")
        secretTarget.credentials = .token(.environment("BULWARK_TEST_UNSET_TOKEN"))
        var suspended = h.target("paused")
        suspended.suspend = true
        let reconciler = h.reconciler([
            h.target("unreachable", url: "git://127.0.0.1:\(deadPort)/nothing.git"), secretTarget, suspended, h.target("good"),
        ])
        let statuses = Dictionary(uniqueKeysWithValues: await reconciler.runOnce().map { ($0.target, $0) })

        let unreachable = try #require(statuses["unreachable"])
        #expect(unreachable.reason == .failed)
        #expect(unreachable.failures == 1)
        // A backoff delay (at least half the 1 s base) was scheduled; compared with the attempt, not the clock,
        // which a loaded machine may have carried past it by now.
        let attempted = try #require(unreachable.lastAttemptAt)
        #expect((unreachable.nextRunAt ?? .distantPast) >= attempted.addingTimeInterval(0.5))
        #expect(unreachable.lastError?.contains("FetchFailed") == true, "\(unreachable.lastError ?? "")")

        let secret = try #require(statuses["secret"])
        #expect(secret.reason == .stalled)
        #expect(secret.message.contains("BULWARK_TEST_UNSET_TOKEN"))

        #expect(statuses["paused"]?.reason == .suspended)
        #expect(statuses["good"]?.ready == .true)

        // Consecutive failures grow the delay.
        let again = try #require(await reconciler.runOnce().first { $0.target == "unreachable" })
        #expect(again.failures == 2)

        // Statuses are stored for `bulwark status`.
        let stored = try await h.store.targetStatuses()
        #expect(Set(stored.map(\.target)) == ["unreachable", "secret", "paused", "good"])
    }

    @Test(.timeLimit(.minutes(10))) func gracefulStopEndsTheLoop() async throws {
        let h = try await Harness()
        try h.remote.createRepository("loop", files: ["main.tf": Self.fixed])
        let reconciler = h.reconciler([h.target("loop")], shutdownGrace: .seconds(5))
        let group = ServiceGroup(services: [reconciler], logger: Logger(label: "test"))
        let loop = Task { try await group.run() }
        while await reconciler.currentStatuses().first?.ready != .true {
            try await Task.sleep(for: .milliseconds(100))
        }
        await group.triggerGracefulShutdown()
        try await loop.value
        #expect(try await h.store.scans(target: "loop", limit: 10).count == 1)
    }

    @Test(.timeLimit(.minutes(10))) func pullRequestDiffShowsNewResolvedAndUnchanged() async throws {
        let h = try await Harness()
        let work = try h.remote.createRepository(
            "pr",
            files: [
                "main.tf": Self.insecure,
                "logs.tf": "resource \"aws_s3_bucket_acl\" \"logs\" {\n  bucket = \"logs\"\n  acl    = \"public-read-write\"\n}\n",
            ])
        let base = try h.remote.git(["-C", work, "rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let head = try h.remote.commit(
            work,
            files: [
                "main.tf": Self.fixed,
                "ssh.tf": """
                resource "aws_security_group" "ssh" {
                  ingress {
                    from_port   = 22
                    to_port     = 22
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                }
                """,
            ], message: "fix data ACL, open ssh")
        let repository = try await GitRepository.open(path: work)
        var options = ScanOptions()
        options.library = CheckLibrary.load(directory: Self.checksDirectory)
        let scanner = CommitScanner(options: options)
        let before = try await scanner.scan(repository: repository, commit: base, paths: ["."])
        let after = try await scanner.scan(repository: repository, commit: head, paths: ["."])
        let diff = ScanDiff(base: before, head: after, baseRef: "main~1", headRef: "main", baseCommit: base, headCommit: head)
        #expect(diff.new.contains { $0.result.resourceAddress == "aws_security_group.ssh" })
        #expect(!diff.new.contains { $0.result.resourceAddress.contains("acl") })
        #expect(diff.resolved.contains { $0.result.resourceAddress == "aws_s3_bucket_acl.data" })
        #expect(diff.unchanged.contains { $0.result.resourceAddress == "aws_s3_bucket_acl.logs" })
        #expect(after.findings.allSatisfy { $0.location?.file.hasPrefix("/") == false })
        // No working tree was written for the scan.
        #expect(!FileManager.default.fileExists(atPath: NSTemporaryDirectory() + "git"))
    }
}
