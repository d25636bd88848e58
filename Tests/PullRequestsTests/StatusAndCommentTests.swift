import CloudHTTP
import Foundation
import PullRequests
import TestSupport
import Testing

/// Commit statuses and the one comment kept up to date, on both hosts' fakes.
@Suite struct StatusAndCommentTests {
    static let token = "tok-status-0123456789"
    static let sha = String(repeating: "ab", count: 20)
    static let noWait = RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5), jitter: { _ in 0 })

    static func host(_ flavor: FakeCodeHost.Flavor) throws -> (FakeCodeHost, any PullRequestHost) {
        let fake = try FakeCodeHost(flavor: flavor, token: token, repository: "acme/infra")
        let provider: PullRequestProvider = flavor == .github ? .github : .gitlab
        return (fake, try provider.host(repository: "acme/infra", token: token, apiURL: fake.apiURL, retry: noWait))
    }

    @Test("statuses are sent in each host's words, one line within 140 characters")
    func statuses() async throws {
        let (github, githubClient) = try Self.host(.github)
        let long = String(repeating: "x", count: 300) + "\nsecond line"
        try await githubClient.setStatus(CommitStatus(sha: Self.sha, state: .failure, description: long, context: "bulwark"))
        try await githubClient.setStatus(CommitStatus(sha: Self.sha, state: .error, description: "e", context: "bulwark"))
        #expect(github.requests.last?.path == "/repos/acme/infra/statuses/\(Self.sha)")
        #expect(github.statuses.map(\.state) == ["failure", "error"])
        #expect(github.statuses.first?.description.count == CommitStatus.maxDescriptionLength)
        #expect(github.statuses.first?.description.contains("second") == false)

        let (gitlab, gitlabClient) = try Self.host(.gitlab)
        for state in CommitStatus.State.allCases {
            try await gitlabClient.setStatus(CommitStatus(sha: Self.sha, state: state, description: "d", context: "bulwark"))
        }
        #expect(gitlab.requests.last?.path == "/api/v4/projects/acme%2Finfra/statuses/\(Self.sha)")
        #expect(gitlab.statuses.map(\.state) == ["running", "success", "failed", "failed"])
        #expect(gitlab.statuses.allSatisfy { $0.context == "bulwark" })

        // A status the host refuses is an error naming the commit, not a silent success.
        await #expect(throws: PullRequestError.self) {
            try await githubClient.setStatus(CommitStatus(sha: "short", state: .success, description: "", context: "c"))
        }
    }

    @Test(
        "one comment per marker: added once, then edited in place, found past the first page",
        arguments: [FakeCodeHost.Flavor.github, .gitlab])
    func upsert(flavor: FakeCodeHost.Flavor) async throws {
        let (fake, client) = try Self.host(flavor)
        let number = fake.open(head: "feature", base: "main")
        // More than a page of other comments before ours, so finding it needs the second page.
        for index in 0..<120 { fake.addComment(number, body: "comment \(index)") }
        let marker = "<!-- test-marker -->"
        #expect(try await client.upsertComment(number: number, marker: marker, body: marker + "\nfirst") == false)
        #expect(try await client.upsertComment(number: number, marker: marker, body: marker + "\nsecond") == true)
        #expect(try await client.upsertComment(number: number, marker: marker, body: marker + "\nthird") == true)
        let comments = try #require(fake.pullRequests.first?.comments)
        #expect(comments.count == 121)
        #expect(comments.filter { $0.contains(marker) } == [marker + "\nthird"])
        let listed = try await client.comments(number: number)
        #expect(listed.count == 121 && listed.last?.body == marker + "\nthird")
        let method = flavor == .github ? "PATCH" : "PUT"
        #expect(fake.requests.filter { $0.method == method }.count == 2)
    }

    @Test("a comment list that is not the documented JSON is a malformed response", arguments: [FakeCodeHost.Flavor.github])
    func malformed(flavor: FakeCodeHost.Flavor) async throws {
        let (fake, client) = try Self.host(flavor)
        fake.force(status: 200)
        await #expect(throws: PullRequestError.self) { _ = try await client.comments(number: 1) }
        do {
            _ = try await client.comments(number: 1)
        } catch {
            #expect(error.code == .malformedResponse)
        }
    }
}
