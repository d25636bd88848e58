import Foundation

/// Where a secret lives: an environment variable or a file. The config names it; the secret itself never appears
/// in the config, logs, errors or the database.
public enum SecretReference: Sendable, Hashable, CustomStringConvertible {
    case environment(String)
    case file(String)

    /// Reads the secret; a missing variable or unreadable file is a non-retriable configuration problem.
    public func resolve(environment: [String: String]) throws(ConfigError) -> String {
        switch self {
        case .environment(let name):
            guard let value = environment[name], !value.isEmpty else {
                throw ConfigError(.missingSecret, "environment variable \(name) is not set")
            }
            return value
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path),
                let text = String(data: data, encoding: .utf8)
            else {
                throw ConfigError(.missingSecret, "secret file \(path) cannot be read")
            }
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else { throw ConfigError(.missingSecret, "secret file \(path) is empty") }
            return value
        }
    }

    /// `env:NAME` or `file:PATH` — safe to print.
    public var description: String {
        switch self {
        case .environment(let name): return "env:\(name)"
        case .file(let path): return "file:\(path)"
        }
    }
}

/// How a target authenticates to its Git remote, by reference.
public enum GitCredentialReference: Sendable, Hashable {
    /// HTTPS token (GitHub/GitLab personal or app token).
    case token(SecretReference)
    /// HTTPS basic credentials.
    case basic(user: String, password: SecretReference)
    /// SSH private key file, optional passphrase.
    case sshKey(user: String, privateKey: String, passphrase: SecretReference?)
}
