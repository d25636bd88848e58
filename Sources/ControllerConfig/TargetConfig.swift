import Foundation

/// One Git target the controller keeps reconciled: where its repository is and how often to look.
public struct TargetConfig: Sendable, Hashable {
    /// How a target's findings may be remediated (issue: off, propose, approve, auto).
    public enum RemediationMode: String, Sendable, Hashable, CaseIterable {
        case off, propose, approve, auto
    }

    /// Cloud accounts the later stages (discovery, drift, anomaly) read for this target.
    public struct Clouds: Sendable, Hashable {
        /// AWS: profile from ~/.aws and regions to read.
        public struct AWS: Sendable, Hashable {
            public var profile: String?
            public var regions: [String]
            /// `securityHub:`: import the live findings into Security Hub after each cycle, and archive the ones
            /// a complete cycle no longer reports. Nil: no export.
            public var securityHub: SecurityHub?
            /// `accounts:`: member accounts read through roles the profile's credentials assume; empty reads the
            /// profile's own account.
            public var accounts: [AWSAccountConfig]
            public init(
                profile: String? = nil, regions: [String] = [], securityHub: SecurityHub? = nil,
                accounts: [AWSAccountConfig] = []
            ) {
                self.profile = profile
                self.regions = regions
                self.securityHub = securityHub
                self.accounts = accounts
            }
        }
        /// Where the live stage sends its AWS findings.
        public struct SecurityHub: Sendable, Hashable {
            /// Regions to import into; empty: the target's `clouds.aws.regions`, else the credential chain's region.
            public var regions: [String]
            public init(regions: [String] = []) { self.regions = regions }
        }
        /// Azure: subscription to read; credentials come from the AZURE_* environment.
        public struct Azure: Sendable, Hashable {
            public var subscriptionID: String
            public init(subscriptionID: String) { self.subscriptionID = subscriptionID }
        }
        public var aws: AWS?
        public var azure: Azure?
        /// The longest one cycle's cloud reads may take (`clouds.deadline`); reads not made by then are reported
        /// unread. Nil: the discovery defaults alone bound them.
        public var deadline: Duration?
        public init(aws: AWS? = nil, azure: Azure? = nil, deadline: Duration? = nil) {
            self.aws = aws
            self.azure = azure
            self.deadline = deadline
        }
        /// True when no cloud is configured (the cloud stages then skip the target).
        public var isEmpty: Bool { aws == nil && azure == nil }
    }

    public var name: String
    /// A remote URL (`https://`, `ssh://`, `git://`, `file://`, scp-like `git@host:path`) or an absolute local path.
    public var repository: String
    public var branch: String
    /// Root modules, directories or plan files inside the repository to scan (`.` = the whole tree).
    public var paths: [String]
    /// A full cycle runs at least this often even when the commit did not change (live state drifts on its own).
    public var interval: Duration
    /// How often the remote is fetched; a new commit starts a cycle at once.
    public var pollInterval: Duration
    /// Fraction (0–0.5) of random spread added to each wait, so many targets do not fetch in lockstep.
    public var jitter: Double
    /// A cycle that runs longer is abandoned with a Timeout error; also the Git operation deadline.
    public var timeout: Duration
    public var credentials: GitCredentialReference?
    /// The secret webhooks of this target are signed with (GitHub's HMAC key, GitLab's token), by reference.
    public var webhookSecret: SecretReference?
    /// HTTPS: CA bundle to verify the server with.
    public var caBundle: String?
    /// SSH: known_hosts file the host key must be in.
    public var knownHosts: String?
    /// `insecure: true`: credentials may be sent to a plain `http://` remote (unencrypted). Off by default, and
    /// a loopback address is no exception.
    public var allowInsecureHTTP = false
    /// `maxFileSize`: the largest plan or state JSON read from the repository, in bytes, as `scan --max-file-size`;
    /// nil: the command's limit (256 MiB by default).
    public var maxFileSize: Int?
    /// Frameworks to record compliance for (empty = every framework the library defines).
    public var frameworks: [String]
    public var clouds: Clouds
    /// Security baseline files (YAML, paths in the repository) evaluated against live resources.
    public var baselines: [String] = []
    /// The desired state for drift: a path in the repository or `s3://bucket/key`; nil = the backend block of the
    /// target's paths.
    public var state: String?
    public var remediation: RemediationMode
    /// Admin CIDR that remediation puts in place of 0.0.0.0/0 on admin ports.
    public var adminCIDR: String?
    /// How IaC fixes become fix branches and pull/merge requests (the propose stage).
    public var proposals = FixProposalSettings()
    /// Suspended targets are listed with their status but never reconciled.
    public var suspend: Bool
    /// Activity logs the anomaly stage reads for this target (nil: the stage skips it).
    public var activityLogs: ActivityLogs? = nil

    /// Builds a target with the usual defaults.
    public init(
        name: String, repository: String, branch: String = "main", paths: [String] = ["."],
        interval: Duration = .seconds(600), pollInterval: Duration = .seconds(60), jitter: Double = 0.1,
        timeout: Duration = .seconds(300), credentials: GitCredentialReference? = nil, caBundle: String? = nil,
        knownHosts: String? = nil, frameworks: [String] = [], clouds: Clouds = Clouds(),
        remediation: RemediationMode = .off, adminCIDR: String? = nil, suspend: Bool = false
    ) {
        self.name = name
        self.repository = repository
        self.branch = branch
        self.paths = paths
        self.interval = interval
        self.pollInterval = pollInterval
        self.jitter = jitter
        self.timeout = timeout
        self.credentials = credentials
        self.caBundle = caBundle
        self.knownHosts = knownHosts
        self.frameworks = frameworks
        self.clouds = clouds
        self.remediation = remediation
        self.adminCIDR = adminCIDR
        self.suspend = suspend
    }
}
