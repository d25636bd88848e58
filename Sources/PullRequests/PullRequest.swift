/// Where a pull/merge request stands, reduced to what the propose stage acts on.
public enum PullRequestState: String, Sendable, Hashable, CaseIterable {
    /// Open (GitHub `open`, GitLab `opened`/`locked`): Bulwark may update it.
    case open
    /// Closed without merging: a person declined the fix, so it is never reopened.
    case closed
    /// Merged: the fix landed (or a person took it), so it is never proposed again.
    case merged
}

/// A pull request (GitHub) or merge request (GitLab) as the host returned it.
public struct PullRequest: Sendable, Hashable {
    /// GitHub's `number`, GitLab's `iid` (the number people see).
    public var number: Int
    /// The page people open (`html_url`, `web_url`).
    public var url: String
    public var state: PullRequestState
    /// The source branch (`bulwark/fix/…`).
    public var head: String
    /// The branch it merges into.
    public var base: String
    public var title: String
    public var body: String

    /// Memberwise.
    public init(
        number: Int, url: String, state: PullRequestState, head: String, base: String, title: String,
        body: String
    ) {
        self.number = number
        self.url = url
        self.state = state
        self.head = head
        self.base = base
        self.title = title
        self.body = body
    }
}

/// What to open: source and target branch, title and Markdown body.
public struct PullRequestDraft: Sendable, Hashable {
    public var title: String
    public var body: String
    /// Source branch.
    public var head: String
    /// Target branch.
    public var base: String

    /// Memberwise.
    public init(title: String, body: String, head: String, base: String) {
        self.title = title
        self.body = body
        self.head = head
        self.base = base
    }
}
