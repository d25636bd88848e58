import CloudHTTP
import Foundation
import PullRequests
import TestSupport
import Testing

/// The GitHub client against a loopback server speaking GitHub's documented shapes.
@Suite struct GitHubClientTests {
    static let token = "ghp_testtoken_0123456789"
    static let noWait = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5), jitter: { _ in 0 })

    func client(_ host: FakeCodeHost, token: String = token) throws -> GitHubClient {
        try GitHubClient(
            repository: "acme/infra", token: token, apiURL: host.apiURL, transport: URLSessionTransport(),
            retry: Self.noWait)
    }

    @Test func createFindUpdateCommentSpeakTheDocumentedAPI() async throws {
        let host = try FakeCodeHost(flavor: .github, token: Self.token, repository: "acme/infra", prefix: "/api/v3")
        let github = try client(host)
        let created = try await github.create(PullRequestDraft(title: "fix", body: "body", head: "bulwark/fix/x", base: "main"))
        #expect(created.number == 1)
        #expect(created.state == .open)
        #expect(created.head == "bulwark/fix/x")
        #expect(created.base == "main")
        #expect(created.url.hasSuffix("/pull/1"))

        let post = try #require(host.requests.first)
        #expect(post.method == "POST")
        #expect(post.path == "/api/v3/repos/acme/infra/pulls")
        #expect(post.header("Authorization") == "Bearer \(Self.token)")
        #expect(post.header("Accept") == "application/vnd.github+json")
        #expect(post.header("X-GitHub-Api-Version") == GitHubClient.apiVersion)
        let sent = try #require(try JSONSerialization.jsonObject(with: post.body) as? [String: Any])
        #expect(sent["head"] as? String == "bulwark/fix/x")
        #expect(sent["base"] as? String == "main")
        #expect(sent["title"] as? String == "fix")
        #expect(sent["body"] as? String == "body")

        let found = try await github.find(head: "bulwark/fix/x")
        #expect(found.map(\.number) == [1])
        let list = try #require(host.requests.last)
        #expect(FakeCodeHost.query(list.target)["head"] == "acme:bulwark/fix/x")
        #expect(FakeCodeHost.query(list.target)["state"] == "all")
        #expect(try await github.find(head: "bulwark/fix/other").isEmpty)

        let updated = try await github.update(number: 1, title: nil, body: "new body")
        #expect(updated.body == "new body")
        #expect(updated.title == "fix")
        #expect(host.requests.last?.method == "PATCH")
        #expect(host.requests.last?.path == "/api/v3/repos/acme/infra/pulls/1")

        try await github.comment(number: 1, body: "hello")
        #expect(host.requests.last?.path == "/api/v3/repos/acme/infra/issues/1/comments")
        #expect(host.pullRequests.first?.comments == ["hello"])
    }

    @Test func closedAndMergedStatesAreTold() async throws {
        let host = try FakeCodeHost(flavor: .github, token: Self.token, repository: "acme/infra")
        let github = try client(host)
        _ = try await github.create(PullRequestDraft(title: "a", body: "", head: "bulwark/fix/a", base: "main"))
        _ = try await github.create(PullRequestDraft(title: "b", body: "", head: "bulwark/fix/b", base: "main"))
        host.setState(1, "closed")
        host.setState(2, "merged")
        #expect(try await github.get(number: 1).state == .closed)
        #expect(try await github.get(number: 2).state == .merged)
    }

    @Test func unauthorizedNamesTheCallButNeverTheToken() async throws {
        let host = try FakeCodeHost(flavor: .github, token: "the-right-token", repository: "acme/infra")
        let github = try client(host, token: Self.token)
        do {
            _ = try await github.create(PullRequestDraft(title: "t", body: "", head: "bulwark/fix/x", base: "main"))
            Issue.record("a wrong token must fail")
        } catch {
            #expect(error.code == .unauthorized)
            #expect(error.status == 401)
            #expect(error.api == "GitHub POST /repos/acme/infra/pulls")
            #expect(error.description.contains("Bad credentials"))
            #expect(error.description.contains("acme/infra"))
            #expect(!error.description.contains(Self.token))
        }
        // A 401 is not retried.
        #expect(host.requests.count == 1)
    }

    @Test func missingPullRequestIsNotFound() async throws {
        let host = try FakeCodeHost(flavor: .github, token: Self.token, repository: "acme/infra")
        let github = try client(host)
        do {
            _ = try await github.get(number: 42)
            Issue.record("expected NotFound")
        } catch {
            #expect(error.code == .notFound)
            #expect(error.resource == "acme/infra pull request #42")
        }
    }

    @Test func rateLimitedForbiddenIsRetried() async throws {
        let counter = TestCounter()
        let server = try LoopbackHTTPServer { _ in
            if counter.next() == 1 {
                return CannedResponse(
                    status: 403, headers: [("x-ratelimit-remaining", "0")], text: #"{"message":"API rate limit exceeded"}"#)
            }
            return CannedResponse(
                status: 200, text: #"{"number":7,"state":"open","html_url":"u","head":{"ref":"h"},"base":{"ref":"main"}}"#)
        }
        let github = try GitHubClient(
            repository: "acme/infra", token: Self.token, apiURL: server.baseURL.absoluteString,
            retry: Self.noWait)
        #expect(try await github.get(number: 7).number == 7)
        #expect(counter.count == 2)
    }

    @Test func badConfigurationIsRefusedUpFront() {
        #expect(throws: PullRequestError.self) { try GitHubClient(repository: "no-slash", token: "t") }
        #expect(throws: PullRequestError.self) { try GitHubClient(repository: "a/b", token: "") }
        #expect(throws: PullRequestError.self) { try GitHubClient(repository: "a/b", token: "t", apiURL: "ftp://x") }
    }
}
