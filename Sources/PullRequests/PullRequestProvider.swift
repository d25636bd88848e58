import CloudHTTP
import Foundation

/// The code hosts Bulwark opens fix requests on.
public enum PullRequestProvider: String, Sendable, Hashable, CaseIterable {
    case github, gitlab

    /// The public API endpoint (`https://api.github.com`, `https://gitlab.com`); self-hosted ones are configured.
    public var defaultAPIURL: String {
        switch self {
        case .github: return "https://api.github.com"
        case .gitlab: return "https://gitlab.com"
        }
    }

    /// A client for `repository` with `token`; `apiURL` nil means the public service.
    public func host(
        repository: String, token: String, apiURL: String? = nil,
        transport: any HTTPTransport = URLSessionTransport(), retry: RetryPolicy = .standard,
        timeout: Duration = .seconds(30)
    ) throws(PullRequestError) -> any PullRequestHost {
        let text = apiURL ?? defaultAPIURL
        switch self {
        case .github:
            return try GitHubClient(
                repository: repository, token: token, apiURL: text, transport: transport, retry: retry,
                timeout: timeout)
        case .gitlab:
            return try GitLabClient(
                project: repository, token: token, apiURL: text, transport: transport, retry: retry,
                timeout: timeout)
        }
    }
}
