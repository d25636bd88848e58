import CloudHTTP
import Foundation
import PullRequests
import TestSupport
import Testing

/// The GitLab client against a loopback server speaking GitLab's merge request shapes.
@Suite struct GitLabClientTests {
    static let token = "glpat-testtoken-abcdef"
    static let noWait = RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5), jitter: { _ in 0 })

    func client(_ host: FakeCodeHost, token: String = token) throws -> GitLabClient {
        try GitLabClient(project: "acme/platform/infra", token: token, apiURL: host.apiURL, retry: Self.noWait)
    }

    @Test func mergeRequestsByURLEncodedProjectPath() async throws {
        let host = try FakeCodeHost(flavor: .gitlab, token: Self.token, repository: "acme/platform/infra")
        let gitlab = try client(host)
        let created = try await gitlab.create(PullRequestDraft(title: "fix", body: "desc", head: "bulwark/fix/x", base: "main"))
        #expect(created.number == 1)
        #expect(created.state == .open)
        #expect(created.body == "desc")

        let post = try #require(host.requests.first)
        #expect(post.method == "POST")
        #expect(post.path == "/api/v4/projects/acme%2Fplatform%2Finfra/merge_requests")
        #expect(post.header("PRIVATE-TOKEN") == Self.token)
        #expect(post.header("Authorization") == nil)
        let sent = try #require(try JSONSerialization.jsonObject(with: post.body) as? [String: Any])
        #expect(sent["source_branch"] as? String == "bulwark/fix/x")
        #expect(sent["target_branch"] as? String == "main")
        #expect(sent["description"] as? String == "desc")

        let found = try await gitlab.find(head: "bulwark/fix/x")
        #expect(found.map(\.number) == [1])
        #expect(FakeCodeHost.query(host.requests.last?.target ?? "")["source_branch"] == "bulwark/fix/x")
        #expect(FakeCodeHost.query(host.requests.last?.target ?? "")["state"] == "all")

        let updated = try await gitlab.update(number: 1, title: "new title", body: nil)
        #expect(updated.title == "new title")
        #expect(host.requests.last?.method == "PUT")

        try await gitlab.comment(number: 1, body: "note")
        #expect(host.requests.last?.path == "/api/v4/projects/acme%2Fplatform%2Finfra/merge_requests/1/notes")

        host.setState(1, "merged")
        #expect(try await gitlab.get(number: 1).state == .merged)
        host.setState(1, "closed")
        #expect(try await gitlab.get(number: 1).state == .closed)
    }

    @Test func duplicateOpenRequestIsRejectedWithGitLabsMessage() async throws {
        let host = try FakeCodeHost(flavor: .gitlab, token: Self.token, repository: "acme/platform/infra")
        let gitlab = try client(host)
        _ = try await gitlab.create(PullRequestDraft(title: "a", body: "", head: "bulwark/fix/x", base: "main"))
        do {
            _ = try await gitlab.create(PullRequestDraft(title: "b", body: "", head: "bulwark/fix/x", base: "main"))
            Issue.record("a second open merge request for one branch must be refused")
        } catch {
            #expect(error.code == .rejected)
            #expect(error.description.contains("Another open merge request already exists"))
        }
    }

    @Test func unauthorizedNeverShowsTheToken() async throws {
        let host = try FakeCodeHost(flavor: .gitlab, token: "right", repository: "acme/platform/infra")
        let gitlab = try client(host)
        do {
            _ = try await gitlab.find(head: "bulwark/fix/x")
            Issue.record("a wrong token must fail")
        } catch {
            #expect(error.code == .unauthorized)
            #expect(error.api == "GitLab GET /projects/acme/platform/infra/merge_requests")
            #expect(!error.description.contains(Self.token))
        }
    }

    @Test func apiURLMayOrMayNotEndInAPIv4() async throws {
        let host = try FakeCodeHost(flavor: .gitlab, token: Self.token, repository: "42")
        let plain = try GitLabClient(project: "42", token: Self.token, apiURL: host.apiURL, retry: Self.noWait)
        let explicit = try GitLabClient(project: "42", token: Self.token, apiURL: host.apiURL + "/api/v4/", retry: Self.noWait)
        _ = try await plain.find(head: "b")
        _ = try await explicit.find(head: "b")
        #expect(host.requests.map(\.path) == ["/api/v4/projects/42/merge_requests", "/api/v4/projects/42/merge_requests"])
    }
}
