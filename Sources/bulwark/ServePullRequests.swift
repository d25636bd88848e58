import CommitScan
import ControllerConfig
import Foundation
import Logging
import PullRequests
import Reconciler
import Server

/// The pull request scans of `bulwark serve`: every target with a code host (`remediation.pullRequests`, the same
/// host and token fix proposals use) has its requests scanned on webhook deliveries, in a clone of its own.
enum ServePullRequests {
    /// A reviewer of the targets that have a code host whose token resolves; nil when none has.
    static func reviewer(
        _ config: ReconcileConfig, scanner: CommitScanner, environment: [String: String], logger: Logger
    ) -> PullRequestReviewer? {
        var targets: [String: PullRequestReviewer.Target] = [:]
        for target in config.targets where !target.suspend {
            guard let settings = target.proposals.pullRequests else { continue }
            let host: any PullRequestHost
            do {
                host = try settings.provider.host(
                    repository: settings.repository, token: try settings.token.resolve(environment: environment),
                    apiURL: settings.apiURL)
            } catch {
                // Fix proposals report the same problem each cycle; the server still starts without this target's scans.
                logger.warning(
                    "no pull request scans for the target: its code host is not usable",
                    metadata: ["target": .string(target.name), "error": .string("\(error)")])
                continue
            }
            let repository = FetchedRepository(
                url: target.repository, directory: config.cacheDirectory + "/pull-requests/" + target.name,
                options: { try target.remoteOptions(environment: environment) })
            targets[target.name] = .init(host: host, paths: target.paths, repository: { try await repository.fetched(requestRef: $0) })
        }
        return targets.isEmpty ? nil : PullRequestReviewer(targets: targets, scanner: scanner, logger: logger)
    }
}
