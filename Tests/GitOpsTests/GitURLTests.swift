import Foundation
import Testing

@testable import GitOps

/// URL redaction, parsing and cache naming.
@Suite("Git URLs")
struct GitURLTests {
    @Test("redactGitURL strips user-info and nothing else")
    func redaction() {
        #expect(redactGitURL("https://user:secret@host/x") == "https://***@host/x")
        #expect(redactGitURL("https://token@github.com/org/repo.git") == "https://***@github.com/org/repo.git")
        #expect(redactGitURL("https://github.com/org/a@b.git") == "https://github.com/org/a@b.git")
        #expect(redactGitURL("git@github.com:org/repo.git") == "git@github.com:org/repo.git")
        #expect(redactGitURL("/srv/git/repo.git") == "/srv/git/repo.git")
        #expect(
            redactGitURLs(in: "failed to fetch 'https://u:p@h/x' and https://v:q@g/y")
                == "failed to fetch 'https://***@h/x' and https://***@g/y")
    }

    @Test("GitURL parses scheme URLs, scp-like URLs and local paths")
    func parsing() throws {
        let https = try GitURL("https://u:p%40ss@git.example.com:8443/org/repo.git")
        #expect(https.scheme == "https" && https.user == "u" && https.password == "p@ss")
        #expect(https.host == "git.example.com" && https.port == 8443 && https.path == "/org/repo.git")
        let scp = try GitURL("git@github.com:org/repo.git")
        #expect(scp.scheme == "ssh" && scp.user == "git" && scp.host == "github.com" && scp.path == "org/repo.git")
        let ssh = try GitURL("ssh://git@[::1]:2222/repo")
        #expect(ssh.host == "::1" && ssh.port == 2222)
        let local = try GitURL("/srv/repo.git")
        #expect(local.scheme == nil && local.path == "/srv/repo.git")
        #expect(throws: GitError.self) { try GitURL("") }
        #expect(throws: GitError.self) { try GitURL("https://host:99999/x") }
        #expect(throws: GitError.self) { try GitURL("https:///nohost") }
    }

    @Test("cache names are readable, filesystem-safe, independent of credentials and distinct per URL")
    func cacheNames() {
        let plain = GitURL.cacheDirectoryName(for: "https://github.com/org/infra.git")
        #expect(plain.hasPrefix("github.com-org-infra-"))
        #expect(plain == GitURL.cacheDirectoryName(for: "https://user:secret@github.com/org/infra.git"))
        #expect(plain != GitURL.cacheDirectoryName(for: "https://github.com/org/infra2.git"))
        let odd = GitURL.cacheDirectoryName(for: "/tmp/../weird dir/ü/repo")
        #expect(!odd.contains("/") && !odd.contains("..") && !odd.contains(" "))
    }
}
