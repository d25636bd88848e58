import CommitScan
import Foundation
import GitOps
import Logging
import PullRequests
import Scanner
import Server
import ServiceLifecycle
import TestSupport
import Testing

/// A graceful shutdown cancels the pull request scans that run, drops the waiting ones, and leaves no head with a
/// `pending` status: the cancelled scan's status becomes `error` with a message, on the loopback GitHub fake.
@Suite("Pull request scans at shutdown")
struct PullRequestShutdownTests {
    static let token = "host-token-0123456789"

    /// Results the queue reported, in order.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String] = []
        func add(_ value: String) { lock.withLock { values.append(value) } }
        var all: [String] { lock.withLock { values } }
    }

    /// A reviewer of `infra` whose repository never comes (the scan waits until cancelled), or fails at once.
    static func reviewer(_ fake: FakeCodeHost, failing: Bool = false) throws -> PullRequestReviewer {
        let host = try PullRequestProvider.github.host(repository: "acme/infra", token: token, apiURL: fake.apiURL)
        let repository: @Sendable (String?) async throws -> GitRepository = { _ in
            if !failing { try await Task.sleep(for: .seconds(600)) }
            throw TestFailure("no repository in this test")
        }
        return PullRequestReviewer(
            targets: ["infra": .init(host: host, paths: ["."], repository: repository)],
            scanner: CommitScanner(options: ScanOptions()))
    }

    /// Request `number` at a head of 40 `letter`s (the host takes only full SHAs).
    static func event(_ number: Int, _ letter: Character) -> PullRequestEvent {
        PullRequestEvent(
            target: "infra", number: number, headSHA: String(repeating: letter, count: 40), headRef: "feature", baseRef: "main")
    }

    /// Waits until the fake holds `count` statuses (a hang guard, not a timing assertion).
    static func statuses(_ fake: FakeCodeHost, _ count: Int) async throws {
        for _ in 0..<1_200 {
            if fake.statuses.count >= count { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw TestFailure("the host got \(fake.statuses.count) statuses, not \(count)")
    }

    @Test("the running scan is cancelled and reports error, the waiting one is dropped, later events are refused")
    func gracefulShutdown() async throws {
        let fake = try FakeCodeHost(flavor: .github, token: Self.token, repository: "acme/infra")
        let queue = try Self.reviewer(fake).queue(maxRunning: 1)
        let results = Results()
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: queue)], logger: Logger(label: "pull-request-shutdown-test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            #expect(await queue.submit(Self.event(1, "a")) { results.add($0) } == .queued)
            #expect(await queue.submit(Self.event(2, "b")) { results.add($0) } == .queued)
            try await Self.statuses(fake, 1)
            #expect(fake.statuses.map(\.state) == ["pending"])
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(fake.statuses.map(\.state) == ["pending", "error"])
        #expect(fake.statuses.allSatisfy { $0.sha == String(repeating: "a", count: 40) })
        #expect(fake.statuses.last?.description == PullRequestReviewer.cancelledDescription)
        #expect(results.all == ["cancelled"])
        let counts = await queue.counts
        #expect(counts.started == 1 && counts.finished == 1 && counts.cancelled == 2)
        #expect(await queue.isIdle)
        #expect(await queue.submit(Self.event(3, "c")) == .full)
    }

    @Test("a scan that fails on its own is an error, not a cancellation")
    func failureIsNotCancellation() async throws {
        let fake = try FakeCodeHost(flavor: .github, token: Self.token, repository: "acme/infra")
        let reviewer = try Self.reviewer(fake, failing: true)
        #expect(await reviewer.review(Self.event(1, "a")) == "error")
        #expect(fake.statuses.map(\.state) == ["pending", "error"])
        #expect(fake.statuses.last?.description != PullRequestReviewer.cancelledDescription)
    }
}
