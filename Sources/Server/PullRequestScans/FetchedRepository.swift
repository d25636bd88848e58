import GitOps

/// A target's repository for pull request scans: cloned once into its own cache directory (the loop keeps its
/// own clone, so the two never share a repository's locks), fetched before every scan.
public actor FetchedRepository {
    let url: String
    let directory: String
    let options: @Sendable () throws -> GitRemoteOptions
    private var opening: Task<GitRepository, any Error>?

    /// `url` cloned under `directory`; `options` gives the remote options (credentials resolved at each fetch).
    public init(url: String, directory: String, options: @escaping @Sendable () throws -> GitRemoteOptions) {
        self.url = url
        self.directory = directory
        self.options = options
    }

    /// The repository, opened or cloned the first time, then its branches fetched, and `requestRef` (the code
    /// host's ref of a request's head, `refs/pull/N/head`) when given, from the same remote with the same
    /// credentials, kept as `refs/bulwark/pull/N/head`.
    public func fetched(requestRef: String? = nil) async throws -> GitRepository {
        let options = try options()
        let task =
            opening
            ?? Task { [url, directory] in
                try await GitRepository.openOrClone(url: url, cacheDirectory: directory, options: options)
            }
        opening = task
        let repository: GitRepository
        do {
            repository = try await task.value
        } catch {
            // A failed clone is tried again by the next scan.
            opening = nil
            throw error
        }
        _ = try await repository.fetch(options: options)
        if let requestRef, requestRef.hasPrefix("refs/") {
            try await repository.fetch(
                reference: requestRef, into: "refs/bulwark/" + requestRef.dropFirst("refs/".count), options: options)
        }
        return repository
    }
}
