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
    /// The comments of a pull/merge request, oldest first (at most ten pages of 100).
    func comments(number: Int) async throws(PullRequestError) -> [PullRequestComment]
    /// Replaces the text of comment `id` of pull/merge request `number`.
    func editComment(number: Int, id: Int, body: String) async throws(PullRequestError)
    /// Sets a commit status on `status.sha`.
    func setStatus(_ status: CommitStatus) async throws(PullRequestError)
}

/// How many pages of comments are read when looking for one (100 a page): a request with more is rare, and the
/// bound keeps a busy thread from costing unbounded calls.
let maxCommentPages = 10

extension PullRequestHost {
    /// Keeps one comment per `marker` on the request: the comment whose text holds `marker` is replaced by `body`,
    /// or a new one is added. `body` must contain `marker` for the next call to find it. Returns true when an
    /// earlier comment was edited.
    @discardableResult
    public func upsertComment(number: Int, marker: String, body: String) async throws(PullRequestError) -> Bool {
        if let earlier = try await comments(number: number).first(where: { $0.body.contains(marker) }) {
            do {
                try await editComment(number: number, id: earlier.id, body: body)
                return true
            } catch let error where error.code == .forbidden || error.code == .notFound {
                // Someone else's comment quoting the marker (not ours to edit), or deleted meanwhile: add ours.
            }
        }
        try await comment(number: number, body: body)
        return false
    }
}

/// The word each host uses, for messages (`pull request #3`, `merge request !3`).
extension PullRequestHost {
    /// `pull request #N` on GitHub, `merge request !N` on GitLab.
    public func label(_ number: Int) -> String {
        provider == .github ? "pull request #\(number)" : "merge request !\(number)"
    }
}
