/// Settings for one network operation: credentials, trust, deadlines.
public struct GitRemoteOptions: Sendable {
    public var credentials: GitCredentials = .none
    /// HTTPS: a PEM CA bundle to trust instead of the system's. libgit2 keeps one CA store per process, so the
    /// last bundle set wins for every HTTPS operation in the process.
    public var caBundlePath: String?
    /// SSH: the known_hosts file the host key must appear in (default: `$HOME/.ssh/known_hosts`).
    public var knownHostsPath: String?
    /// Accept any TLS certificate or SSH host key: only for tests or an explicit opt-in.
    public var insecureSkipTLSVerify = false
    /// Send credentials to a plain `http://` remote, where anyone on the path can read them. Off by default:
    /// an operation with credentials against such a remote is refused before any connection.
    public var allowInsecureHTTP = false
    /// Total time the operation may take.
    public var timeout: Duration = .seconds(120)
    /// Longest time without any bytes moved or progress reported.
    public var stallTimeout: Duration = .seconds(30)
    /// Credential callback invocations allowed per operation before giving up with `.authentication`.
    public var maxCredentialAttempts = 3

    /// Options with every default; set fields as needed.
    public init(
        credentials: GitCredentials = .none, caBundlePath: String? = nil, knownHostsPath: String? = nil,
        insecureSkipTLSVerify: Bool = false, timeout: Duration = .seconds(120), stallTimeout: Duration = .seconds(30),
        maxCredentialAttempts: Int = 3, allowInsecureHTTP: Bool = false
    ) {
        self.credentials = credentials
        self.caBundlePath = caBundlePath
        self.knownHostsPath = knownHostsPath
        self.insecureSkipTLSVerify = insecureSkipTLSVerify
        self.timeout = timeout
        self.stallTimeout = stallTimeout
        self.maxCredentialAttempts = maxCredentialAttempts
        self.allowInsecureHTTP = allowInsecureHTTP
    }
}
