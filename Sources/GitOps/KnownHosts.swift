import Crypto
import Foundation

/// An OpenSSH known_hosts file: which host keys are trusted for which hosts (plain, wildcard and hashed names).
struct KnownHosts: Sendable {
    /// One key line.
    struct Entry: Sendable, Equatable {
        var patterns: [String]
        var keyType: String
        var key: Data
        var revoked: Bool
    }

    /// What a host key check concluded.
    enum Verdict: Equatable, Sendable {
        case trusted
        /// The host is listed, but with other keys: a changed key (or an attack).
        case mismatch
        case unknownHost
        case revoked
    }

    var entries: [Entry]

    /// Parses known_hosts text; malformed lines and `@cert-authority` lines are skipped.
    init(text: String) {
        var entries: [Entry] = []
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            var fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            var revoked = false
            if let marker = fields.first, marker.hasPrefix("@") {
                guard marker == "@revoked" else { continue }
                revoked = true
                fields.removeFirst()
            }
            guard fields.count >= 3, let key = Data(base64Encoded: fields[2]) else { continue }
            entries.append(
                Entry(
                    patterns: fields[0].split(separator: ",").map(String.init), keyType: fields[1], key: key,
                    revoked: revoked))
        }
        self.entries = entries
    }

    /// Reads a known_hosts file.
    init(path: String) throws(GitError) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw GitError(code: .certificate, message: "cannot read known_hosts file \(path)", operation: "ssh-host-key")
        }
        self.init(text: text)
    }

    /// Checks `key` (the SSH wire-format host key blob) for `host` on `port`.
    func verify(host: String, port: Int?, key: Data) -> Verdict {
        verify(host: host, port: port) { $0 == key }
    }

    /// Checks a host key known only by its SHA-256 (when libgit2 gives no raw key).
    func verify(host: String, port: Int?, sha256: Data) -> Verdict {
        verify(host: host, port: port) { Data(SHA256.hash(data: $0)) == sha256 }
    }

    private func verify(host: String, port: Int?, isKey: (Data) -> Bool) -> Verdict {
        let name: String
        if let port, port != 22 { name = "[\(host)]:\(port)" } else { name = host }
        // A revoked key is refused for every host, whatever else lists it.
        if entries.contains(where: { $0.revoked && isKey($0.key) }) { return .revoked }
        var listed = false
        for entry in entries where !entry.revoked && Self.matches(entry.patterns, name: name) {
            if isKey(entry.key) { return .trusted }
            listed = true
        }
        return listed ? .mismatch : .unknownHost
    }

    /// Whether a comma-separated pattern list admits `name`: any positive match and no negated match.
    static func matches(_ patterns: [String], name: String) -> Bool {
        var matched = false
        for pattern in patterns {
            if pattern.hasPrefix("|1|") {
                if hashedMatches(pattern, name: name) { matched = true }
            } else if pattern.hasPrefix("!") {
                if wildcardMatches(Array(pattern.dropFirst().lowercased()), Array(name.lowercased())) { return false }
            } else if wildcardMatches(Array(pattern.lowercased()), Array(name.lowercased())) {
                matched = true
            }
        }
        return matched
    }

    /// `|1|base64(salt)|base64(HMAC-SHA1(salt, name))`, OpenSSH's HashKnownHosts form.
    private static func hashedMatches(_ pattern: String, name: String) -> Bool {
        let parts = pattern.split(separator: "|", omittingEmptySubsequences: true)
        guard parts.count == 3, let salt = Data(base64Encoded: String(parts[1])),
            let expected = Data(base64Encoded: String(parts[2]))
        else { return false }
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Data(name.utf8), using: SymmetricKey(data: salt))
        return Data(mac) == expected
    }

    /// `*` and `?` globbing, iterative with backtracking to the last `*` (no recursion on input).
    private static func wildcardMatches(_ pattern: [Character], _ text: [Character]) -> Bool {
        var p = 0
        var t = 0
        var star = -1
        var mark = 0
        while t < text.count {
            if p < pattern.count && (pattern[p] == "?" || pattern[p] == text[t]) {
                p += 1
                t += 1
            } else if p < pattern.count && pattern[p] == "*" {
                star = p
                mark = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
