import GitOps

extension ReconcileError {
    /// The Git call of a cycle that failed; it decides what a missing object means.
    public enum GitStep: Sendable, Hashable {
        /// Opening the cache clone or cloning it: a repository that is not there is the config's fault.
        case openOrClone
        /// Fetching the target's remote.
        case fetch
        /// Pushing a fix branch.
        case push
    }

    /// A Git failure as a reconcile error, classified by its code: what no retry fixes (authentication, a bad URL,
    /// no repository at all) stalls the target, the rest backs off.
    public init(git error: any Error, target: String, step: GitStep, file: String = #fileID, line: Int = #line) {
        if let reconcile = error as? ReconcileError {
            self = reconcile
            return
        }
        guard let git = error as? GitError else {
            self.init(.fetchFailed, "\(error)", target: target, underlying: error, file: file, line: line)
            return
        }
        let code: Code
        switch git.code {
        case .authentication, .certificate: code = .authentication
        case .invalidURL, .insecureTransport: code = .invalidRepository
        case .notFound where step == .openOrClone: code = .invalidRepository
        default: code = .fetchFailed
        }
        self.init(code, git.description, target: target, underlying: git, file: file, line: line)
    }
}
