import Checks
import PullRequests

/// How the propose stage turns IaC fixes into branches and pull/merge requests for one target
/// (`remediation: {group, pullRequests, author}` in `bulwark.yaml`).
public struct FixProposalSettings: Sendable, Hashable {
    /// How findings are gathered into branches.
    public enum Grouping: String, Sendable, Hashable, CaseIterable {
        /// One branch and request per check (`bulwark/fix/<check-id>`): small reviews, merged independently.
        case perCheck = "per-check"
        /// One branch and request for every fix (`bulwark/fix/all`).
        case single
    }

    /// The code host that receives the requests; without it fix branches are pushed but nothing is opened.
    public struct PullRequests: Sendable, Hashable {
        public var provider: PullRequestProvider
        /// API root for GitHub Enterprise / self-managed GitLab; nil = the public service.
        public var apiURL: String?
        /// `owner/repo` (GitHub) or the project id / `group/project` path (GitLab).
        public var repository: String
        /// The API token, by reference.
        public var token: SecretReference
        /// The branch requests merge into; nil = the target's branch.
        public var base: String?

        /// Memberwise.
        public init(
            provider: PullRequestProvider, apiURL: String? = nil, repository: String, token: SecretReference,
            base: String? = nil
        ) {
            self.provider = provider
            self.apiURL = apiURL
            self.repository = repository
            self.token = token
            self.base = base
        }
    }

    public var grouping: Grouping
    public var pullRequests: PullRequests?
    /// Author and committer of fix commits.
    public var authorName: String
    public var authorEmail: String

    /// Settings with the defaults: per-check groups, no host, author `Bulwark <bulwark@localhost>`.
    public init(
        grouping: Grouping = .perCheck, pullRequests: PullRequests? = nil, authorName: String = "Bulwark",
        authorEmail: String = "bulwark@localhost"
    ) {
        self.grouping = grouping
        self.pullRequests = pullRequests
        self.authorName = authorName
        self.authorEmail = authorEmail
    }

    /// Keys of `remediation:` this type reads (beside `mode` and `adminCIDR`).
    static let keys: Set<String> = ["group", "pullRequests", "author"]

    /// Reads `group`, `pullRequests` and `author` of a target's `remediation:` mapping; errors carry line and column.
    static func parse(_ node: YNode, base: String) throws(LoadError) -> FixProposalSettings {
        var settings = FixProposalSettings()
        if let g = node["group"] {
            let text = try g.requireString("remediation group")
            guard let grouping = Grouping(rawValue: text) else {
                throw g.error("remediation group must be one of: per-check, single (got '\(text)')")
            }
            settings.grouping = grouping
        }
        if let p = node["pullRequests"] { settings.pullRequests = try pullRequests(p, base: base) }
        if let a = node["author"] {
            try a.requireKeys(in: ["name", "email"], "remediation author")
            if let n = a["name"] { settings.authorName = try n.requireString("author name") }
            if let e = a["email"] {
                let email = try e.requireString("author email")
                guard email.contains("@"), !email.contains(" "), !email.contains("<"), !email.contains(">") else {
                    throw e.error("author email '\(email)' is not an email address")
                }
                settings.authorEmail = email
            }
        }
        return settings
    }

    private static func pullRequests(_ node: YNode, base: String) throws(LoadError) -> PullRequests {
        try node.requireKeys(in: ["provider", "apiURL", "repository", "tokenEnv", "token", "base"], "pullRequests")
        guard let p = node["provider"] else { throw node.error("pullRequests needs a 'provider' (github or gitlab)") }
        let providerText = try p.requireString("provider")
        guard let provider = PullRequestProvider(rawValue: providerText) else {
            throw p.error("pullRequests provider must be github or gitlab (got '\(providerText)')")
        }
        guard let r = node["repository"] else {
            throw node.error("pullRequests needs a 'repository' (owner/repo, or a GitLab project id or path)")
        }
        let repository = try r.requireString("repository")
        if provider == .github,
            repository.split(separator: "/", omittingEmptySubsequences: false).count != 2
                || repository.hasPrefix("/") || repository.hasSuffix("/")
        {
            throw r.error("a GitHub repository is written owner/repo (got '\(repository)')")
        }
        let token: SecretReference
        switch (node["tokenEnv"], node["token"]) {
        case (let e?, nil): token = .environment(try e.requireString("tokenEnv"))
        case (nil, let t?): token = try ReconcileConfig.secret(t, base: base)
        case (_?, _?): throw node.error("pullRequests takes 'tokenEnv' or 'token', not both")
        case (nil, nil): throw node.error("pullRequests needs 'tokenEnv: NAME' (the token is read from that variable)")
        }
        var apiURL: String?
        if let u = node["apiURL"] {
            let text = try u.requireString("apiURL")
            guard text.hasPrefix("https://") || text.hasPrefix("http://") else {
                throw u.error("apiURL must be an http(s) URL (got '\(text)')")
            }
            apiURL = text
        }
        return PullRequests(
            provider: provider, apiURL: apiURL, repository: repository, token: token,
            base: try node["base"]?.requireString("base"))
    }
}
