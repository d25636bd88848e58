import Checks
import Foundation

/// `bulwark.yaml`: the database, the Git cache, and the targets the controller reconciles.
public struct ReconcileConfig: Sendable {
    /// The file the config was read from (relative paths in it resolve against its directory).
    public var file: String
    /// Database URL; nil = `BULWARK_DATABASE_URL` or the embedded SQLite file.
    public var database: String?
    /// Where bare clones are kept.
    public var cacheDirectory: String
    /// Check library directory; nil = the one `bulwark scan` finds.
    public var checksDirectory: String?
    /// Targets reconciled at the same time, at most.
    public var concurrency: Int
    /// How long a replica's claim on a target lasts without renewal (scale-out over one PostgreSQL).
    public var leaseDuration: Duration
    public var targets: [TargetConfig]

    /// Builds a config in code (tests, benchmarks).
    public init(
        file: String, database: String? = nil, cacheDirectory: String, checksDirectory: String? = nil,
        concurrency: Int = 4, leaseDuration: Duration = .seconds(300), targets: [TargetConfig]
    ) {
        self.file = file
        self.database = database
        self.cacheDirectory = cacheDirectory
        self.checksDirectory = checksDirectory
        self.concurrency = concurrency
        self.leaseDuration = leaseDuration
        self.targets = targets
    }

    /// Reads and validates a config file; every problem names the file, line and column.
    public static func load(file: String) throws(ConfigError) -> ReconcileConfig {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw ConfigError(.invalidConfig, "\(file): no such file")
        }
        guard !isDirectory.boolValue else { throw ConfigError(.invalidConfig, "\(file): is a directory, not a config file") }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ConfigError(.invalidConfig, "\(file): cannot read the file (permission denied?)")
        }
        guard let text = String(data: data, encoding: .utf8), !data.contains(0) else {
            throw ConfigError(
                .invalidConfig, "\(file): is not a YAML text file (not UTF-8 text: a binary file?)")
        }
        return try parse(text, file: file)
    }

    /// Checks every target's `frameworks` against the frameworks the check library defines, so a misspelt one
    /// is an error at start-up instead of a target that records no compliance.
    public func validateFrameworks(known: Set<String>) throws(ConfigError) {
        for target in targets {
            for framework in target.frameworks where !known.contains(framework) {
                throw ConfigError(
                    .invalidConfig,
                    "\(file): target '\(target.name)': unknown framework '\(framework)' (the check library defines "
                        + (known.isEmpty ? "none" : known.sorted().joined(separator: ", ")) + ")")
            }
        }
    }

    /// Parses config text; `file` names it in errors and anchors relative paths.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> ReconcileConfig {
        let absoluteFile = file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
        let base = (absoluteFile as NSString).deletingLastPathComponent
        do throws(LoadError) {
            guard let root = try YNode.parse(text) else { throw LoadError("the config file is empty", line: 1, column: 1) }
            try root.requireKeys(
                in: ["database", "cacheDirectory", "checksDirectory", "concurrency", "leaseDuration", "targets"],
                "the config")
            var config = ReconcileConfig(file: absoluteFile, cacheDirectory: base + "/.bulwark/git", targets: [])
            config.database = try root["database"].map { n throws(LoadError) in try n.requireString("database") }.flatMap {
                $0.isEmpty ? nil : $0
            }
            if let n = root["cacheDirectory"] { config.cacheDirectory = absolute(try n.requireString("cacheDirectory"), base: base) }
            if let n = root["checksDirectory"] { config.checksDirectory = absolute(try n.requireString("checksDirectory"), base: base) }
            if let n = root["concurrency"] { config.concurrency = try integer(n, "concurrency", range: 1...64) }
            if let n = root["leaseDuration"] { config.leaseDuration = try duration(n, "leaseDuration") }
            guard let targetsNode = root["targets"], let items = targetsNode.sequenceItems else {
                throw root.error("'targets' must be a list of targets")
            }
            var names = Set<String>()
            for item in items {
                let target = try parseTarget(item, base: base)
                guard names.insert(target.name).inserted else { throw item.error("duplicate target name '\(target.name)'") }
                config.targets.append(target)
            }
            return config
        } catch {
            throw ConfigError(.invalidConfig, "\(file):\(error.line):\(error.column): \(error.message)", underlying: error)
        }
    }

    private static let targetKeys: Set<String> = [
        "name", "repo", "branch", "paths", "interval", "pollInterval", "jitter", "timeout", "credentials", "caBundle",
        "knownHosts", "frameworks", "clouds", "remediation", "suspend", "baselines", "state", "activityLogs",
        "insecure", "maxFileSize", "webhookSecret",
    ]

    private static func parseTarget(_ node: YNode, base: String) throws(LoadError) -> TargetConfig {
        try node.requireKeys(in: targetKeys, "a target")
        guard let nameNode = node["name"] else { throw node.error("a target needs a 'name'") }
        let name = try nameNode.requireString("name")
        guard name.range(of: #"^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$"#, options: .regularExpression) != nil else {
            throw nameNode.error("target name '\(name)' must be 1-63 letters, digits, '.', '_' or '-'")
        }
        guard let repoNode = node["repo"] else { throw node.error("target '\(name)' needs a 'repo'") }
        let repo = try repoNode.requireString("repo")
        var target = TargetConfig(name: name, repository: isRemoteURL(repo) ? repo : absolute(repo, base: base))
        if let n = node["branch"] { target.branch = try n.requireString("branch") }
        if let n = node["paths"] {
            target.paths = try n.requireStringList("paths")
            for path in target.paths where path.hasPrefix("/") || path.split(separator: "/").contains("..") {
                throw n.error("path '\(path)' must stay inside the repository")
            }
        }
        if let n = node["interval"] { target.interval = try duration(n, "interval") }
        if let n = node["pollInterval"] { target.pollInterval = try duration(n, "pollInterval") }
        if let n = node["jitter"] {
            guard case .number(let j)? = n.scalarValue, (0...0.5).contains(j) else {
                throw n.error("'jitter' must be a number from 0 to 0.5")
            }
            target.jitter = j
        }
        if let n = node["timeout"] { target.timeout = try duration(n, "timeout") }
        if let n = node["credentials"] { target.credentials = try credentials(n, base: base) }
        if let n = node["webhookSecret"] { target.webhookSecret = try secret(n, base: base) }
        if let n = node["caBundle"] { target.caBundle = absolute(try n.requireString("caBundle"), base: base) }
        if let n = node["knownHosts"] { target.knownHosts = absolute(try n.requireString("knownHosts"), base: base) }
        if let n = node["insecure"] {
            guard case .bool(let b)? = n.scalarValue else { throw n.error("'insecure' must be true or false") }
            target.allowInsecureHTTP = b
        }
        if let n = node["maxFileSize"] { target.maxFileSize = try integer(n, "maxFileSize", range: 1...(1 << 40)) }
        if let n = node["frameworks"] { target.frameworks = try n.requireStringList("frameworks") }
        if let n = node["clouds"] { target.clouds = try clouds(n, base: base) }
        if let n = node["baselines"] {
            target.baselines = try n.requireStringList("baselines")
            for path in target.baselines where path.hasPrefix("/") || path.split(separator: "/").contains("..") {
                throw n.error("baseline '\(path)' must be a path inside the repository")
            }
        }
        if let n = node["state"] {
            let state = try n.requireString("state")
            guard state.hasPrefix("s3://") || !(state.hasPrefix("/") || state.split(separator: "/").contains("..")) else {
                throw n.error("state '\(state)' must be s3://bucket/key or a path inside the repository")
            }
            target.state = state
        }
        if let n = node["remediation"] {
            try n.requireKeys(in: Set(["mode", "adminCIDR"]).union(FixProposalSettings.keys), "remediation")
            if let m = n["mode"] {
                // YAML reads a bare `off` as false.
                let text: String
                if case .bool(false)? = m.scalarValue { text = "off" } else { text = try m.requireString("remediation mode") }
                guard let mode = TargetConfig.RemediationMode(rawValue: text) else {
                    throw m.error("remediation mode must be one of: off, propose, approve, auto")
                }
                target.remediation = mode
            }
            if let c = n["adminCIDR"] { target.adminCIDR = try c.requireString("adminCIDR") }
            target.proposals = try FixProposalSettings.parse(n, base: base)
        }
        if let n = node["activityLogs"] { target.activityLogs = try activityLogs(n, base: base) }
        if let n = node["suspend"] {
            guard case .bool(let b)? = n.scalarValue else { throw n.error("'suspend' must be true or false") }
            target.suspend = b
        }
        return target
    }

    private static func credentials(_ node: YNode, base: String) throws(LoadError) -> GitCredentialReference {
        try node.requireKeys(in: ["token", "username", "password", "sshKey", "passphrase", "user"], "credentials")
        if let t = node["token"] { return .token(try secret(t, base: base)) }
        if let p = node["password"] {
            guard let u = node["username"] else { throw node.error("credentials with a 'password' need a 'username'") }
            return .basic(user: try u.requireString("username"), password: try secret(p, base: base))
        }
        if let k = node["sshKey"] {
            return .sshKey(
                user: try node["user"]?.requireString("user") ?? "git",
                privateKey: absolute(try k.requireString("sshKey"), base: base),
                passphrase: try node["passphrase"].map { n throws(LoadError) in try secret(n, base: base) })
        }
        throw node.error("credentials need 'token', 'username'+'password', or 'sshKey'")
    }

    /// `{env: NAME}` or `{file: PATH}`; a literal string is refused so secrets never sit in the config.
    static func secret(_ node: YNode, base: String) throws(LoadError) -> SecretReference {
        guard node.mappingPairs != nil else {
            throw node.error("secrets are referenced, never written inline: use {env: NAME} or {file: PATH}")
        }
        try node.requireKeys(in: ["env", "file"], "a secret reference")
        if let e = node["env"] { return .environment(try e.requireString("env")) }
        if let f = node["file"] { return .file(absolute(try f.requireString("file"), base: base)) }
        throw node.error("a secret reference needs 'env' or 'file'")
    }

    private static func clouds(_ node: YNode, base: String) throws(LoadError) -> TargetConfig.Clouds {
        try node.requireKeys(in: ["aws", "azure", "deadline"], "clouds")
        var clouds = TargetConfig.Clouds()
        if let d = node["deadline"] { clouds.deadline = try duration(d, "deadline") }
        if let a = node["aws"] {
            try a.requireKeys(in: ["profile", "regions", "securityHub", "accounts"], "clouds.aws")
            clouds.aws = TargetConfig.Clouds.AWS(
                profile: try a["profile"]?.requireString("profile"),
                regions: try a["regions"]?.requireStringList("regions") ?? [],
                securityHub: try a["securityHub"].flatMap { n throws(LoadError) in try securityHub(n) },
                accounts: try a["accounts"].map { n throws(LoadError) in try awsAccounts(n, base: base) } ?? [])
        }
        if let z = node["azure"] {
            try z.requireKeys(in: ["subscriptionId"], "clouds.azure")
            guard let s = z["subscriptionId"] else { throw z.error("clouds.azure needs 'subscriptionId'") }
            clouds.azure = TargetConfig.Clouds.Azure(subscriptionID: try s.requireString("subscriptionId"))
        }
        return clouds
    }

    /// `securityHub: true`, `false`, or `{regions: [eu-west-1, …]}`.
    private static func securityHub(_ node: YNode) throws(LoadError) -> TargetConfig.Clouds.SecurityHub? {
        if case .bool(let on)? = node.scalarValue { return on ? TargetConfig.Clouds.SecurityHub() : nil }
        try node.requireKeys(in: ["regions"], "clouds.aws.securityHub")
        return TargetConfig.Clouds.SecurityHub(regions: try node["regions"]?.requireStringList("regions") ?? [])
    }

    static func duration(_ node: YNode, _ what: String) throws(LoadError) -> Duration {
        let text = try node.requireString(what)
        guard let d = DurationText.parse(text) else {
            throw node.error("'\(what)' must be a duration such as 30s, 5m or 1h (got '\(text)')")
        }
        return d
    }

    private static func integer(_ node: YNode, _ what: String, range: ClosedRange<Int>) throws(LoadError) -> Int {
        guard case .number(let n)? = node.scalarValue, n == n.rounded(), n >= Double(range.lowerBound),
            n <= Double(range.upperBound)
        else {
            throw node.error("'\(what)' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return Int(n)
    }

    /// True for URLs libgit2 fetches over a transport (as opposed to a local path).
    static func isRemoteURL(_ text: String) -> Bool {
        if text.contains("://") { return true }
        // scp-like syntax: user@host:path (a colon before any slash).
        if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/"), text[..<colon].contains("@") { return true }
        return false
    }

    static func absolute(_ path: String, base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        return (joined as NSString).standardizingPath
    }
}
