/// How to authenticate to a remote; handed to libgit2 only from its credential callback, never put in a URL.
public enum GitCredentials: Sendable, Equatable, CustomStringConvertible {
    case none
    /// HTTPS token: sent as user "x-access-token" with the token as password.
    case token(String)
    case userPassword(user: String, password: String)
    case sshKey(user: String, privateKeyPath: String, publicKeyPath: String?, passphrase: String?)

    /// A description that never includes a secret.
    public var description: String {
        switch self {
        case .none: return "none"
        case .token: return "token(***)"
        case .userPassword(let user, _): return "userPassword(\(user), ***)"
        case .sshKey(let user, let key, _, _): return "sshKey(\(user), \(key))"
        }
    }

    /// The secret strings, so messages can be scrubbed of them.
    var secrets: [String] {
        switch self {
        case .none: return []
        case .token(let token): return [token]
        case .userPassword(_, let password): return [password]
        case .sshKey(_, _, _, let passphrase): return passphrase.map { [$0] } ?? []
        }
    }
}
