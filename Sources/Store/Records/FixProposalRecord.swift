import Foundation

/// A fix branch and the pull/merge request opened for it: what it fixes and where it stands.
public struct FixProposalRecord: Sendable, Hashable {
    /// Set by the store.
    public var id: Int64?
    public var target: String
    /// The group the fixes were gathered under (a check ID, or `all`).
    public var groupKey: String
    /// `github` or `gitlab`.
    public var provider: String
    /// `owner/repo` or the GitLab project.
    public var repository: String
    /// The pull request number (GitLab: the merge request iid).
    public var number: Int
    public var url: String
    /// `bulwark/fix/<group>`.
    public var branch: String
    /// `open`, `closed` or `merged`.
    public var state: String
    /// Fingerprints (`check|resource` hex) of the findings the request fixes, sorted.
    public var fingerprints: [String]
    /// The scanned commit the fix commit sits on.
    public var baseCommit: String
    /// The fix commit pushed to `branch`.
    public var fixCommit: String
    public var createdAt: Date
    public var updatedAt: Date

    /// Memberwise.
    public init(
        id: Int64? = nil, target: String, groupKey: String, provider: String, repository: String, number: Int,
        url: String, branch: String, state: String, fingerprints: [String], baseCommit: String,
        fixCommit: String, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.target = target
        self.groupKey = groupKey
        self.provider = provider
        self.repository = repository
        self.number = number
        self.url = url
        self.branch = branch
        self.state = state
        self.fingerprints = fingerprints
        self.baseCommit = baseCommit
        self.fixCommit = fixCommit
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
