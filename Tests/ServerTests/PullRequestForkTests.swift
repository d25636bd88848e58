import CommitScan
import Foundation
import GitOps
import Hummingbird
import PullRequests
import Scanner
import TestSupport
import Testing

@testable import Server

extension ServerTests {
    /// Requests from forks: the head is fetched from the target's own repository (served by a real `git daemon`)
    /// under the host's request ref, with the target's settings; the fork's address in the delivery is never used.
    @Suite("Pull requests from forks")
    struct PullRequestForkTests {
        typealias Base = PullRequestWebhookTests

        /// The target's repository behind `git daemon` with `main` safe; a fork's commits reach it only as the
        /// host's request refs. The delivery names the fork at an address that accepts and counts connections.
        struct Setup {
            let directory: TemporaryDirectory
            let daemon: GitDaemon
            let fixture: FixtureRepository
            let fake: FakeCodeHost
            let forkAddress: SilentTCPListener
            let base: String

            init(_ flavor: FakeCodeHost.Flavor) throws {
                directory = try TemporaryDirectory(prefix: "bulwark-pr-fork")
                daemon = try GitDaemon()
                fixture = try FixtureRepository.create(
                    in: daemon.basePath, files: ["main.tf": Base.safe], work: directory.path + "/infra-work")
                base = try GitCLI.run(["rev-parse", "HEAD"], in: fixture.work)
                fake = try FakeCodeHost(flavor: flavor, token: Base.hostToken, repository: "acme/infra")
                forkAddress = try SilentTCPListener()
            }

            var url: String { daemon.url("infra") }
            var forkURL: String { "git://127.0.0.1:\(forkAddress.port)/someone/infra.git" }

            /// A commit made in the fork's own clone on top of `main`, stored in the target's repository only
            /// under `requestRef` (as the host does for a fork's request); nil ref: kept in the fork alone.
            func forkCommit(_ content: String, requestRef: String?) throws -> String {
                let work = directory.path + "/fork-work-\(UUID().uuidString.prefix(6))"
                try GitCLI.run(["clone", "--quiet", fixture.bare, work])
                let sha = try FixtureRepository.commit(in: work, files: ["main.tf": content], message: "from a fork")
                if let requestRef { try GitCLI.run(["push", "--quiet", fixture.bare, "HEAD:" + requestRef], in: work) }
                return sha
            }

            /// The server's target `infra` on the daemon's repository, reviewed through the fake.
            func adjust(_ environment: inout ServerEnvironment) {
                environment.targets[0] = .init(name: "infra", branch: "main", repository: url, webhookSecret: Base.secret)
                var options = ScanOptions()
                options.library = CheckLibrary.load(directory: ServerCanaryTests.checksDirectory)
                let provider: PullRequestProvider = fake.flavor == .github ? .github : .gitlab
                guard let host = try? provider.host(repository: "acme/infra", token: Base.hostToken, apiURL: fake.apiURL)
                else { return }
                let repository = FetchedRepository(url: url, directory: directory.path + "/cache", options: { GitRemoteOptions() })
                environment.pullRequestScans = PullRequestReviewer(
                    targets: ["infra": .init(host: host, paths: ["."], repository: { try await repository.fetched(requestRef: $0) })],
                    scanner: CommitScanner(options: options)
                ).queue()
            }

            /// A GitHub delivery of a request whose head is in the fork.
            func github(number: Int, head: String) -> String {
                #"{"action":"opened","number":\#(number),"repository":{"clone_url":"\#(url)"},"#
                    + #""pull_request":{"number":\#(number),"#
                    + #""head":{"sha":"\#(head)","ref":"feature","repo":{"id":2,"full_name":"someone/infra","clone_url":"\#(forkURL)"}},"#
                    + #""base":{"sha":"\#(base)","ref":"main","repo":{"id":1,"full_name":"acme/infra","clone_url":"\#(url)"}}}}"#
            }

            /// A GitLab merge request hook from a fork project.
            func gitlab(number: Int, head: String) -> String {
                #"{"object_kind":"merge_request","project":{"id":1,"git_http_url":"\#(url)"},"#
                    + #""object_attributes":{"iid":\#(number),"action":"open","source_branch":"feature","#
                    + #""target_branch":"main","source_project_id":2,"target_project_id":1,"#
                    + #""source":{"git_http_url":"\#(forkURL)"},"last_commit":{"id":"\#(head)"}}}"#
            }
        }

        static func gitlabHeaders(_ uuid: String) -> HTTPFields {
            [.init("X-Gitlab-Event")!: "Merge Request Hook", .init("X-Gitlab-Event-UUID")!: uuid, .init("X-Gitlab-Token")!: Base.secret]
        }

        @Test("GitHub: a fork's head comes from refs/pull/N/head of the target; without that ref the scan errs", .timeLimit(.minutes(10)))
        func github() async throws {
            let setup = try Setup(.github)
            let number = setup.fake.open(head: "feature", base: "main")
            let missing = setup.fake.open(head: "other", base: "main")
            let bad = try setup.forkCommit(Base.unsafe, requestRef: "refs/pull/\(number)/head")
            let unreachable = try setup.forkCommit(Base.unsafe + "\n", requestRef: nil)
            var queue: PullRequestScanQueue?
            try await withServer(
                .sqlite,
                adjust: { environment in
                    setup.adjust(&environment)
                    queue = environment.pullRequestScans
                }
            ) { server in
                let opened = setup.github(number: number, head: bad)
                let reply = try await server.request(.post, "/hooks/github", headers: Base.signed(opened, delivery: "f1"), body: opened)
                #expect(reply.status == 202 && reply.json["outcome"] as? String == "accepted", "\(reply.body)")
                try await Base.settle(queue, finished: 1)
                #expect(setup.fake.statuses.map(\.state) == ["pending", "failure"])
                #expect(setup.fake.statuses.allSatisfy { $0.sha == bad })
                let comments = try #require(setup.fake.pullRequests.first?.comments)
                #expect(comments.count == 1 && comments[0].contains("New failed findings"))

                // The fork's commit is nowhere in the target's repository: an error status, nothing fetched elsewhere.
                let lost = setup.github(number: missing, head: unreachable)
                #expect(
                    try await server.request(.post, "/hooks/github", headers: Base.signed(lost, delivery: "f2"), body: lost).status == 202)
                try await Base.settle(queue, finished: 2)
                #expect(setup.fake.statuses.last.map { [$0.sha, $0.state] } == [unreachable, "error"])
                #expect(setup.fake.pullRequests.last?.comments.isEmpty == true)
            }
            #expect(setup.forkAddress.connections == 0)
        }

        @Test("GitLab: a fork's head comes from refs/merge-requests/N/head of the target", .timeLimit(.minutes(10)))
        func gitlab() async throws {
            let setup = try Setup(.gitlab)
            let number = setup.fake.open(head: "feature", base: "main")
            let bad = try setup.forkCommit(Base.unsafe, requestRef: "refs/merge-requests/\(number)/head")
            var queue: PullRequestScanQueue?
            try await withServer(
                .sqlite,
                adjust: { environment in
                    setup.adjust(&environment)
                    queue = environment.pullRequestScans
                }
            ) { server in
                let hook = setup.gitlab(number: number, head: bad)
                let reply = try await server.request(.post, "/hooks/gitlab", headers: Self.gitlabHeaders("g1"), body: hook)
                #expect(reply.status == 202 && reply.json["outcome"] as? String == "accepted", "\(reply.body)")
                try await Base.settle(queue, finished: 1)
                #expect(setup.fake.statuses.map(\.state) == ["running", "failed"])
                #expect(setup.fake.statuses.allSatisfy { $0.sha == bad })
                let notes = try #require(setup.fake.pullRequests.first?.comments)
                #expect(notes.count == 1 && notes[0].hasPrefix(PullRequestReviewer.marker))
            }
            #expect(setup.forkAddress.connections == 0)
        }

        @Test("a same-repository head no branch holds any more is fetched through the request ref", .timeLimit(.minutes(10)))
        func movedBranch() async throws {
            let setup = try Setup(.github)
            let number = setup.fake.open(head: "feature", base: "main")
            // The branch was force-pushed or deleted after the delivery: the host's request ref still holds the head.
            let bad = try setup.forkCommit(Base.unsafe, requestRef: "refs/pull/\(number)/head")
            var queue: PullRequestScanQueue?
            try await withServer(
                .sqlite,
                adjust: { environment in
                    setup.adjust(&environment)
                    queue = environment.pullRequestScans
                }
            ) { server in
                let opened = Base.github("opened", number: number, head: bad, base: setup.base, url: setup.url)
                let reply = try await server.request(.post, "/hooks/github", headers: Base.signed(opened, delivery: "s1"), body: opened)
                #expect(reply.status == 202 && reply.json["outcome"] as? String == "accepted", "\(reply.body)")
                try await Base.settle(queue, finished: 1)
                #expect(setup.fake.statuses.map(\.state) == ["pending", "failure"])
                #expect(setup.fake.statuses.allSatisfy { $0.sha == bad })
            }
        }

        @Test("a fork is told by repository id, name, a deleted head repository, or GitLab project ids")
        func forkDetection() throws {
            func github(_ head: String, _ base: String) throws -> PullRequestEvent? {
                let sha = String(repeating: "a", count: 40)
                let text =
                    #"{"action":"opened","pull_request":{"number":7,"head":{"sha":"\#(sha)","ref":"f"\#(head)},"#
                    + #""base":{"ref":"main"\#(base)}}}"#
                let payload = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
                guard case .scan(let event) = try PullRequestEvent.github(payload) else { return nil }
                return event
            }
            #expect(try github(#","repo":{"id":2}"#, #","repo":{"id":1}"#)?.fork == true)
            #expect(try github(#","repo":{"id":1,"full_name":"a/b"}"#, #","repo":{"id":1,"full_name":"a/b"}"#)?.fork == false)
            #expect(try github(#","repo":{"full_name":"x/b"}"#, #","repo":{"full_name":"a/b"}"#)?.fork == true)
            #expect(try github(#","repo":null"#, #","repo":{"id":1}"#)?.fork == true)
            #expect(try github("", "")?.fork == false)
            #expect(try github("", "")?.requestRef == "refs/pull/7/head")

            func gitlab(_ ids: String) throws -> PullRequestEvent? {
                let text =
                    #"{"object_attributes":{"iid":3,"action":"open","source_branch":"f","target_branch":"main","#
                    + #""last_commit":{"id":"\#(String(repeating: "b", count: 40))"}\#(ids)}}"#
                let payload = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
                guard case .scan(let event) = try PullRequestEvent.gitlab(payload) else { return nil }
                return event
            }
            #expect(try gitlab(#","source_project_id":2,"target_project_id":1"#)?.fork == true)
            #expect(try gitlab(#","source_project_id":1,"target_project_id":1"#)?.fork == false)
            #expect(try gitlab("")?.requestRef == "refs/merge-requests/3/head")
        }
    }
}
