import Foundation
import PullRequests
import Testing

@testable import ControllerConfig

/// `remediation: {group, pullRequests, author}` in `bulwark.yaml`.
@Suite struct FixProposalConfigTests {
    static func config(_ remediation: String) throws(ConfigError) -> ReconcileConfig {
        try ReconcileConfig.parse(
            """
            targets:
              - name: infra
                repo: https://git.example.com/acme/infra.git
                remediation:
            \(remediation)
            """, file: "/etc/bulwark/bulwark.yaml")
    }

    @Test func readsGroupingHostTokenReferenceAndAuthor() throws {
        let config = try Self.config(
            """
                  mode: propose
                  group: single
                  pullRequests:
                    provider: gitlab
                    apiURL: https://gitlab.example.com
                    repository: platform/infra
                    tokenEnv: GITLAB_TOKEN
                    base: develop
                  author: {name: Fix Bot, email: fixbot@example.com}
            """)
        let proposals = try #require(config.targets.first).proposals
        #expect(proposals.grouping == .single)
        #expect(proposals.authorName == "Fix Bot")
        #expect(proposals.authorEmail == "fixbot@example.com")
        let host = try #require(proposals.pullRequests)
        #expect(
            host
                == .init(
                    provider: .gitlab, apiURL: "https://gitlab.example.com", repository: "platform/infra",
                    token: .environment("GITLAB_TOKEN"), base: "develop"))
    }

    @Test func defaultsArePerCheckWithoutAHost() throws {
        let proposals = try #require(try Self.config("      mode: propose").targets.first).proposals
        #expect(proposals == FixProposalSettings())
        #expect(proposals.grouping == .perCheck)
        #expect(proposals.pullRequests == nil)
    }

    @Test func tokenFileReferenceIsAccepted() throws {
        let config = try Self.config(
            """
                  mode: propose
                  pullRequests: {provider: github, repository: acme/infra, token: {file: secrets/gh}}
            """)
        #expect(config.targets.first?.proposals.pullRequests?.token == .file("/etc/bulwark/secrets/gh"))
    }

    /// The interpolated line is line 5 of the document and starts at column 1.
    @Test(arguments: [
        ("      group: per-file", "5:14", "remediation group must be one of"),
        ("      pullRequests: {provider: bitbucket, repository: a/b, tokenEnv: T}", "5:32", "github or gitlab"),
        ("      pullRequests: {provider: github, repository: infra, tokenEnv: T}", "5:52", "owner/repo"),
        ("      pullRequests: {provider: github, repository: a/b}", "5:21", "tokenEnv"),
        ("      pullRequests: {provider: github, repository: a/b, token: ghp_inline}", "5:64", "never written inline"),
        ("      pullRequests: {provider: github, repository: a/b, tokenEnv: T, reviewers: [x]}", "5:81", "reviewers"),
        ("      author: {email: not-an-address}", "5:23", "not an email address"),
        ("      labels: [security]", "5:15", "labels"),
    ])
    func errorsNameTheLineAndColumn(_ yaml: String, _ place: String, _ text: String) {
        do {
            _ = try Self.config(yaml)
            Issue.record("expected an error for \(yaml)")
        } catch {
            #expect(error.code == .invalidConfig)
            #expect(error.message.hasPrefix("/etc/bulwark/bulwark.yaml:\(place):"), "\(error.message)")
            #expect(error.message.contains(text), "\(error.message)")
        }
    }
}
