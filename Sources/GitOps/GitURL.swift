import Crypto
import Foundation

/// Strips user-info from URLs ("https://user:secret@host/x" → "https://***@host/x") for logs and errors.
public func redactGitURL(_ url: String) -> String {
    guard let schemeEnd = url.range(of: "://") else { return url }
    let afterScheme = url[schemeEnd.upperBound...]
    let authorityEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
    guard let at = afterScheme[..<authorityEnd].lastIndex(of: "@") else { return url }
    return String(url[..<schemeEnd.upperBound]) + "***" + String(url[at...])
}

/// Redacts every `scheme://user-info@` occurrence inside free text (libgit2 messages quote URLs).
func redactGitURLs(in text: String) -> String {
    guard text.contains("://") && text.contains("@") else { return text }
    var result = ""
    var rest = Substring(text)
    while let schemeEnd = rest.range(of: "://") {
        result += rest[..<schemeEnd.upperBound]
        let tail = rest[schemeEnd.upperBound...]
        let tokenEnd =
            tail.firstIndex(where: { $0 == "/" || $0 == " " || $0 == "'" || $0 == "\"" || $0 == "\n" })
            ?? tail.endIndex
        if let at = tail[..<tokenEnd].lastIndex(of: "@") {
            result += "***"
            rest = tail[at...]
        } else {
            rest = tail
        }
    }
    return result + rest
}

/// The parts of a remote URL that matter for caching, credentials and host-key checks.
struct GitURL: Sendable, Equatable {
    var scheme: String?
    var user: String?
    var password: String?
    var host: String?
    var port: Int?
    var path: String

    /// Parses `scheme://[user[:password]@]host[:port]/path`, scp-like `user@host:path`, or a local path.
    init(_ url: String) throws(GitError) {
        let fail = { (why: String) in
            GitError(code: .invalidURL, message: why, operation: "parse-url", url: url)
        }
        guard !url.isEmpty, !url.contains("\n"), !url.contains("\0") else { throw fail("empty or malformed URL") }
        if let schemeEnd = url.range(of: "://") {
            let scheme = url[..<schemeEnd.lowerBound].lowercased()
            guard !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." })
            else { throw fail("invalid URL scheme") }
            self.scheme = scheme
            let rest = url[schemeEnd.upperBound...]
            let slash = rest.firstIndex(of: "/") ?? rest.endIndex
            var authority = rest[..<slash]
            path = String(rest[slash...])
            if let at = authority.lastIndex(of: "@") {
                let info = authority[..<at]
                if let colon = info.firstIndex(of: ":") {
                    user = String(info[..<colon]).removingPercentEncoding
                    password = String(info[info.index(after: colon)...]).removingPercentEncoding
                } else {
                    user = String(info).removingPercentEncoding
                }
                authority = authority[authority.index(after: at)...]
            }
            if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
                host = String(authority[authority.index(after: authority.startIndex)..<close])
                let after = authority[authority.index(after: close)...]
                if after.hasPrefix(":") { port = Int(after.dropFirst()) }
            } else if let colon = authority.lastIndex(of: ":") {
                host = String(authority[..<colon])
                let portText = authority[authority.index(after: colon)...]
                if !portText.isEmpty {
                    guard let value = Int(portText), (1...65535).contains(value) else { throw fail("invalid port") }
                    port = value
                }
            } else {
                host = String(authority)
            }
            if scheme != "file", host?.isEmpty ?? true { throw fail("URL has no host") }
        } else if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/"), url.distance(from: url.startIndex, to: colon) > 1 {
            // scp-like syntax: [user@]host:path (a one-letter "host" would be a Windows drive, not a host)
            scheme = "ssh"
            var authority = url[..<colon]
            if let at = authority.lastIndex(of: "@") {
                user = String(authority[..<at])
                authority = authority[authority.index(after: at)...]
            }
            host = String(authority)
            path = String(url[url.index(after: colon)...])
        } else {
            path = url
        }
    }

    /// The URL with user-info removed, for storage in the repository's config (secrets never reach disk).
    static func withoutUserInfo(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let afterScheme = url[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
        guard let at = afterScheme[..<authorityEnd].lastIndex(of: "@") else { return url }
        return String(url[..<schemeEnd.upperBound]) + String(url[url.index(after: at)...])
    }

    /// A readable, filesystem-safe cache directory name: `<host-path>-<12 hex digits of SHA-256 of the URL>`.
    static func cacheDirectoryName(for url: String) -> String {
        let clean = withoutUserInfo(url)
        var readable = clean
        if let schemeEnd = readable.range(of: "://") { readable = String(readable[schemeEnd.upperBound...]) }
        var name = ""
        for scalar in readable.unicodeScalars {
            let ok = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "." || scalar == "_")
            let char = ok ? String(scalar) : "-"
            if (char == "-" || char == ".") && (name.hasSuffix("-") || name.hasSuffix(".")) { continue }
            name += char
        }
        name = String(name.trimmingCharacters(in: CharacterSet(charactersIn: "-.")).suffix(80))
        if name.hasSuffix(".git") { name.removeLast(4) }
        let digest = SHA256.hash(data: Data(clean.utf8)).map { String(format: "%02x", $0) }.joined()
        return (name.isEmpty ? "repo" : name) + "-" + digest.prefix(12)
    }
}
