import Foundation
import Testing

@testable import GitOps

/// Host-key checks against known_hosts, as the SSH certificate callback uses them.
@Suite("known_hosts")
struct KnownHostsTests {
    static let key = Data("ssh-ed25519-key-blob-one".utf8)
    static let other = Data("ssh-ed25519-key-blob-two".utf8)
    static let text = """
        # comment
        git.example.com,10.0.0.1 ssh-ed25519 \(key.base64EncodedString())
        [git.example.com]:2222 ssh-ed25519 \(other.base64EncodedString())
        |1|AAECAwQFBgcICQoLDA0ODxAREhM=|5DHGyoq+K/vX4lJK0U2p7IteoFw= ssh-ed25519 \(other.base64EncodedString())
        *.corp.example,!bad.corp.example ssh-ed25519 \(key.base64EncodedString())
        @revoked * ssh-ed25519 \(Data("revoked-key".utf8).base64EncodedString())
        not a valid line
        """

    @Test("plain, port-qualified, hashed and wildcard entries")
    func matching() {
        let hosts = KnownHosts(text: Self.text)
        #expect(hosts.verify(host: "git.example.com", port: nil, key: Self.key) == .trusted)
        #expect(hosts.verify(host: "10.0.0.1", port: 22, key: Self.key) == .trusted)
        #expect(hosts.verify(host: "git.example.com", port: 2222, key: Self.other) == .trusted)
        #expect(hosts.verify(host: "git.example.com", port: 2222, key: Self.key) == .mismatch)
        // the hashed entry lists `other` for git.example.com on port 22 as well
        #expect(hosts.verify(host: "git.example.com", port: 22, key: Self.other) == .trusted)
        #expect(hosts.verify(host: "a.corp.example", port: nil, key: Self.key) == .trusted)
        #expect(hosts.verify(host: "bad.corp.example", port: nil, key: Self.key) == .unknownHost)
        #expect(hosts.verify(host: "unknown.example", port: nil, key: Self.key) == .unknownHost)
        #expect(hosts.verify(host: "git.example.com", port: nil, key: Data("revoked-key".utf8)) == .revoked)
    }

    @Test("a host key given only as SHA-256 is matched too")
    func sha256() {
        let hosts = KnownHosts(text: Self.text)
        let digest = Data([UInt8](repeating: 0, count: 32))
        #expect(hosts.verify(host: "git.example.com", port: nil, sha256: digest) == .mismatch)
    }
}
