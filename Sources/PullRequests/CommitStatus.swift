/// A commit status (GitHub's statuses API, GitLab's pipeline-less commit statuses): the state of one check of one
/// commit as the host shows it beside the pull/merge request.
public struct CommitStatus: Sendable, Hashable {
    /// What the check concluded; each host spells it its own way.
    public enum State: String, Sendable, Hashable, CaseIterable {
        /// Running.
        case pending
        /// Passed.
        case success
        /// Ran and found what fails the check.
        case failure
        /// Could not run to the end (the result is unknown).
        case error

        /// GitHub's `state`: pending, success, failure, error.
        public var github: String { rawValue }

        /// GitLab's `state`: running, success, failed (GitLab has no separate error state).
        public var gitlab: String {
            switch self {
            case .pending: return "running"
            case .success: return "success"
            case .failure, .error: return "failed"
            }
        }
    }

    /// GitHub keeps at most this many characters of a description.
    public static let maxDescriptionLength = 140

    /// The commit, a full SHA.
    public var sha: String
    public var state: State
    /// One line; shortened to `maxDescriptionLength`.
    public var description: String
    /// The check's name (GitHub `context`, GitLab `name`); one status per name and commit.
    public var context: String
    /// Where the details are, if anywhere.
    public var targetURL: String?

    /// Memberwise.
    public init(sha: String, state: State, description: String, context: String, targetURL: String? = nil) {
        self.sha = sha
        self.state = state
        self.description = description
        self.context = context
        self.targetURL = targetURL
    }

    /// The description as sent: one line, within the host's limit.
    var sentDescription: String {
        let line = description.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.count > Self.maxDescriptionLength ? String(line.prefix(Self.maxDescriptionLength - 1)) + "…" : line
    }
}

/// A comment on a pull request (GitHub issue comment) or merge request (GitLab note).
public struct PullRequestComment: Sendable, Hashable {
    /// The host's id of the comment (what an edit names).
    public var id: Int
    public var body: String

    /// Memberwise.
    public init(id: Int, body: String) {
        self.id = id
        self.body = body
    }
}
