/// What a commit says about itself.
public struct GitCommitInfo: Sendable, Hashable {
    public var sha: String
    /// The first paragraph of the message, on one line.
    public var summary: String
    public var message: String
    public var author: GitSignature
    public var committer: GitSignature
    /// Parent SHAs, first parent first.
    public var parents: [String]

    /// A commit description.
    public init(sha: String, summary: String, message: String, author: GitSignature, committer: GitSignature, parents: [String]) {
        self.sha = sha
        self.summary = summary
        self.message = message
        self.author = author
        self.committer = committer
        self.parents = parents
    }
}
