import CommitScan
import Crypto
import Foundation
import GitOps
import Hummingbird
import PullRequests
import Scanner
import Server
import TestSupport
import Testing

extension ServerTests {
    /// Pull/merge request deliveries scanned off the request path and reported on the loopback code host fakes:
    /// a commit status on the head and one comment edited in place.
    @Suite("Pull request webhooks")
    struct PullRequestWebhookTests {
        static let secret = "pr-webhook-secret"
        static let hostToken = "host-token-0123456789"
        static let safe = """
            resource "aws_s3_bucket" "data" {
              bucket = "acme-data"
            }

            resource "aws_s3_bucket_acl" "data" {
              bucket = aws_s3_bucket.data.id
              acl    = "private"
            }
            """
        static let unsafe = safe.replacingOccurrences(of: "\"private\"", with: "\"public-read\"")

        /// A repository with `main` safe, and the fake host's view of it.
        struct Setup {
            let directory: TemporaryDirectory
            let fixture: FixtureRepository
            let fake: FakeCodeHost
            let base: String

            init(_ flavor: FakeCodeHost.Flavor) throws {
                directory = try TemporaryDirectory(prefix: "bulwark-pr-webhook")
                fixture = try FixtureRepository.create(in: directory.path, files: ["main.tf": PullRequestWebhookTests.safe])
                base = try GitCLI.run(["rev-parse", "HEAD"], in: fixture.work)
                fake = try FakeCodeHost(flavor: flavor, token: PullRequestWebhookTests.hostToken, repository: "acme/infra")
            }

            /// Commits `content` on top of the work tree's HEAD and pushes it as `feature`; returns the SHA.
            func push(_ content: String) throws -> String {
                try fixture.commit(files: ["main.tf": content], message: "change", branch: "feature")
            }

            /// The server's target `infra` on this repository, reviewed through the fake.
            func adjust(_ environment: inout ServerEnvironment) {
                environment.targets[0] = .init(
                    name: "infra", branch: "main", repository: fixture.bare, webhookSecret: PullRequestWebhookTests.secret)
                var options = ScanOptions()
                options.library = CheckLibrary.load(directory: ServerCanaryTests.checksDirectory)
                let provider: PullRequestProvider = fake.flavor == .github ? .github : .gitlab
                guard let host = try? provider.host(repository: "acme/infra", token: PullRequestWebhookTests.hostToken, apiURL: fake.apiURL)
                else { return }
                let repository = FetchedRepository(
                    url: fixture.bare, directory: directory.path + "/cache", options: { GitRemoteOptions() })
                environment.pullRequestScans = PullRequestReviewer(
                    targets: ["infra": .init(host: host, paths: ["."], repository: { try await repository.fetched(requestRef: $0) })],
                    scanner: CommitScanner(options: options)
                ).queue()
            }
        }

        static func github(_ action: String, number: Int, head: String, base: String, url: String) -> String {
            #"{"action":"\#(action)","number":\#(number),"repository":{"clone_url":"\#(url)"},"#
                + #""pull_request":{"number":\#(number),"head":{"sha":"\#(head)","ref":"feature"},"#
                + #""base":{"sha":"\#(base)","ref":"main"}}}"#
        }

        static func signed(_ body: String, delivery: String) -> HTTPFields {
            let mac = HMAC<SHA256>.authenticationCode(for: Data(body.utf8), using: SymmetricKey(data: Data(secret.utf8)))
            return [
                .init("X-GitHub-Event")!: "pull_request", .init("X-GitHub-Delivery")!: delivery,
                .init("X-Hub-Signature-256")!: "sha256=" + mac.map { String(format: "%02x", $0) }.joined(),
            ]
        }

        /// Waits until the queue has finished `count` scans and is idle (a hang guard, not a timing assertion).
        static func settle(_ queue: PullRequestScanQueue?, finished count: Int) async throws {
            let queue = try #require(queue)
            for _ in 0..<1_200 {
                if await queue.counts.finished >= count, await queue.isIdle { return }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw TestFailure("the pull request scans did not finish")
        }

        @Test("GitHub: opened fails on a new finding, synchronize to a fix passes, one comment edited", .timeLimit(.minutes(10)))
        func github() async throws {
            let setup = try Setup(.github)
            let number = setup.fake.open(head: "feature", base: "main")
            let bad = try setup.push(Self.unsafe)
            var queue: PullRequestScanQueue?
            try await withServer(
                .sqlite,
                adjust: { environment in
                    setup.adjust(&environment)
                    queue = environment.pullRequestScans
                }
            ) { server in
                let opened = Self.github("opened", number: number, head: bad, base: setup.base, url: setup.fixture.bare)
                let reply = try await server.request(.post, "/hooks/github", headers: Self.signed(opened, delivery: "p1"), body: opened)
                #expect(reply.status == 202 && reply.json["outcome"] as? String == "accepted", "\(reply.body)")
                #expect(reply.json["targets"] as? [String] == ["infra"])
                try await Self.settle(queue, finished: 1)
                #expect(setup.fake.statuses.map(\.state) == ["pending", "failure"])
                #expect(setup.fake.statuses.allSatisfy { $0.sha == bad && $0.context == "bulwark" })
                let first = try #require(setup.fake.pullRequests.first?.comments)
                #expect(first.count == 1 && first[0].hasPrefix(PullRequestReviewer.marker))
                #expect(first[0].contains("New failed findings") && !first[0].contains("## Bulwark: 0 new"))

                let fixed = try setup.push(Self.safe)
                let pushed = Self.github("synchronize", number: number, head: fixed, base: setup.base, url: setup.fixture.bare)
                let again = try await server.request(.post, "/hooks/github", headers: Self.signed(pushed, delivery: "p2"), body: pushed)
                #expect(again.status == 202)
                try await Self.settle(queue, finished: 2)
                #expect(setup.fake.statuses.last.map { [$0.sha, $0.state] } == [fixed, "success"])
                let second = try #require(setup.fake.pullRequests.first?.comments)
                #expect(second.count == 1 && second[0].contains("0 new") && !second[0].contains("New failed findings"))

                let closed = Self.github("closed", number: number, head: fixed, base: setup.base, url: setup.fixture.bare)
                let ignored = try await server.request(.post, "/hooks/github", headers: Self.signed(closed, delivery: "p3"), body: closed)
                #expect(ignored.status == 202 && ignored.json["outcome"] as? String == "ignored")
                let malformed = Self.github("opened", number: number, head: "not-a-sha", base: setup.base, url: setup.fixture.bare)
                let rejected = try await server.request(
                    .post, "/hooks/github", headers: Self.signed(malformed, delivery: "p4"), body: malformed)
                #expect(rejected.status == 400 && rejected.errorCode == "bad_request")
                #expect(await queue?.counts.started == 2)

                let metrics = try await server.request(.get, "/metrics").body
                #expect(metrics.contains(#"bulwark_pull_request_scans_total{result="failed"} 1"#))
                #expect(metrics.contains(#"bulwark_pull_request_scans_total{result="passed"} 1"#))
            }
        }

        @Test(
            "GitLab: a merge request hook sets a failed status and one note; an edit without commits is ignored",
            .timeLimit(.minutes(10)))
        func gitlab() async throws {
            let setup = try Setup(.gitlab)
            let number = setup.fake.open(head: "feature", base: "main")
            let bad = try setup.push(Self.unsafe)
            var queue: PullRequestScanQueue?
            try await withServer(
                .sqlite,
                adjust: { environment in
                    setup.adjust(&environment)
                    queue = environment.pullRequestScans
                }
            ) { server in
                func hook(_ action: String, extra: String = "") -> String {
                    #"{"object_kind":"merge_request","project":{"git_http_url":"\#(setup.fixture.bare)"},"#
                        + #""object_attributes":{"iid":\#(number),"action":"\#(action)","source_branch":"feature","#
                        + #""target_branch":"main","last_commit":{"id":"\#(bad)"}\#(extra)}}"#
                }
                func headers(_ uuid: String) -> HTTPFields {
                    [
                        .init("X-Gitlab-Event")!: "Merge Request Hook", .init("X-Gitlab-Event-UUID")!: uuid,
                        .init("X-Gitlab-Token")!: Self.secret,
                    ]
                }
                let edit = try await server.request(.post, "/hooks/gitlab", headers: headers("m0"), body: hook("update"))
                #expect(edit.status == 202 && edit.json["outcome"] as? String == "ignored")
                let open = try await server.request(.post, "/hooks/gitlab", headers: headers("m1"), body: hook("open"))
                #expect(open.status == 202 && open.json["outcome"] as? String == "accepted", "\(open.body)")
                try await Self.settle(queue, finished: 1)
                #expect(setup.fake.statuses.map(\.state) == ["running", "failed"])
                #expect(setup.fake.requests.contains { $0.path == "/api/v4/projects/acme%2Finfra/statuses/\(bad)" })
                let update = hook("update", extra: #","oldrev":"\#(setup.base)""#)
                #expect(try await server.request(.post, "/hooks/gitlab", headers: headers("m2"), body: update).status == 202)
                try await Self.settle(queue, finished: 2)
                let notes = try #require(setup.fake.pullRequests.first?.comments)
                #expect(notes.count == 1 && notes[0].hasPrefix(PullRequestReviewer.marker))
            }
        }
    }
}

/// The queue alone: one scan per request at a time, a newer head replacing a waiting one, a bound on waiting.
@Suite struct PullRequestScanQueueTests {
    /// Scans that wait for `open` and record the heads they were given.
    final class Recorder: @unchecked Sendable {
        // Unchecked: both fields are only touched under `lock`.
        private let lock = NSLock()
        private var heads: [String] = []
        private var opened = false
        var scanned: [String] { lock.withLock { heads } }
        func open() { lock.withLock { opened = true } }
        func scan(_ event: PullRequestEvent) async -> String {
            lock.withLock { heads.append(event.headSHA) }
            while !lock.withLock({ opened }) { try? await Task.sleep(for: .milliseconds(5)) }
            return "passed"
        }
    }

    static func event(_ number: Int, _ head: String) -> PullRequestEvent {
        PullRequestEvent(target: "infra", number: number, headSHA: head, headRef: "feature", baseRef: "main")
    }

    @Test("a burst of pushes to one request scans the running head and the newest only")
    func supersede() async throws {
        let recorder = Recorder()
        let queue = PullRequestScanQueue(targets: ["infra"], maxRunning: 2, maxQueued: 2) { await recorder.scan($0) }
        #expect(await queue.submit(Self.event(1, "a1")) == .queued)
        #expect(await queue.submit(Self.event(1, "a2")) == .queued)
        #expect(await queue.submit(Self.event(1, "a3")) == .superseded(olderHead: "a2"))
        #expect(await queue.submit(Self.event(2, "b1")) == .queued)
        #expect(await queue.submit(Self.event(3, "c1")) == .queued)
        #expect(await queue.submit(Self.event(4, "d1")) == .full)
        recorder.open()
        for _ in 0..<6_000 {
            if await queue.isIdle { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(await queue.isIdle)
        let counts = await queue.counts
        #expect(counts.started == 4 && counts.finished == 4 && counts.superseded == 1 && counts.refused == 1)
        // Request 1 ran a1, then only its newest head; a2 never ran; requests 2 and 3 ran once each.
        #expect(Set(recorder.scanned) == ["a1", "a3", "b1", "c1"] && recorder.scanned.count == 4)
        #expect(recorder.scanned.firstIndex(of: "a1")! < recorder.scanned.firstIndex(of: "a3")!)
    }
}
