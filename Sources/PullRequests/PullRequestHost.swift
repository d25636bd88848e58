/// A code host that takes pull requests (GitHub) or merge requests (GitLab); the propose stage talks only to this.
public protocol PullRequestHost: Sendable {
    /// Which API this is.
    var provider: PullRequestProvider { get }
    /// The repository (`owner/repo`) or project (id or `group/project`) it works on.
    var repository: String { get }
    /// Opens a pull/merge request.
    func create(_ draft: PullRequestDraft) async throws(PullRequestError) -> PullRequest
    /// Every pull/merge request from `head` in this repository, open or not, newest first.
    func find(head: String) async throws(PullRequestError) -> [PullRequest]
    /// One pull/merge request by number.
    func get(number: Int) async throws(PullRequestError) -> PullRequest
    /// Replaces the title and/or body (nil leaves a field as it is).
    func update(number: Int, title: String?, body: String?) async throws(PullRequestError) -> PullRequest
    /// Adds a comment (GitHub issue comment, GitLab note).
    func comment(number: Int, body: String) async throws(PullRequestError)
}

/// The word each host uses, for messages (`pull request #3`, `merge request !3`).
extension PullRequestHost {
    /// `pull request #N` on GitHub, `merge request !N` on GitLab.
    public func label(_ number: Int) -> String {
        provider == .github ? "pull request #\(number)" : "merge request !\(number)"
    }
}
