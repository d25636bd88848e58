/// Credentials kept until they are about to expire. Concurrent callers share one resolution, so a burst of requests
/// at start-up makes one call to the source (one AssumeRole, one profile read), not one each; a failure is not kept.
actor CredentialCache {
    private var cached: AWSCredentials?
    private var inflight: Task<AWSCredentials, any Error>?
    /// The error a caller gets when the shared resolution was cancelled rather than failed.
    private let cancelled: AWSError

    init(cancelled: AWSError) {
        self.cancelled = cancelled
    }

    /// The cached credentials while they are fresh, otherwise the result of `resolve` (shared with callers waiting).
    func credentials(
        resolve: @escaping @Sendable () async throws(AWSError) -> AWSCredentials
    ) async throws(AWSError) -> AWSCredentials {
        if let cached, !cached.isExpired() { return cached }
        let task: Task<AWSCredentials, any Error>
        if let running = inflight {
            task = running
        } else {
            task = Task { try await resolve() }
            inflight = task
        }
        do {
            let resolved = try await task.value
            cached = resolved
            inflight = nil
            return resolved
        } catch {
            inflight = nil
            throw (error as? AWSError) ?? cancelled
        }
    }
}
