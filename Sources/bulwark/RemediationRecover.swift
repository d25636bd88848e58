import ArgumentParser
import Checks
import Foundation
import LiveRemediation
import Scanner
import Store

extension RemediationCommand {
    /// `bulwark remediation recover ID`: settles a request a dead process left `applying`.
    struct Recover: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Settle a request left applying by an interrupted apply: re-read the resource, then applied or failed.",
            discussion: "The resource is re-read with the cloud credentials of the environment (as apply uses) and the "
                + "check re-run: the change in place → applied (then verified), not in place → failed (approve again "
                + "to retry). Exit 0 when settled, 1 when the resource could not be read or judged (the request stays "
                + "applying), 3 when the request is not applying.")
        @Argument(help: "Remediation ID.") var id: Int64
        @Option(help: "AWS profile.") var profile: String?
        @Option(name: .customLong("checks-dir"), help: "Check library directory (the check is re-run on the re-read).")
        var checksDirectory: String?
        @OptionGroup var identity: RemediationCommand.Identity
        @OptionGroup var store: StoreOption

        func run() async throws {
            let actor = try identity.resolve()
            let opened = try await store.open(mustExist: true)
            guard let record = try await opened.remediation(id: id) else {
                await opened.close()
                throw RemediationText.notFound(id)
            }
            let environment = ProcessInfo.processInfo.environment
            let checks = CheckLibraryLocator.load(explicit: checksDirectory, environment: environment).checks
            let outcome: RecoveryOutcome
            do {
                outcome = try await RemediationText.reporting {
                    // A request in another status is refused before any cloud client is needed.
                    var cloud = FixClients()
                    if record.status == .applying {
                        let plan = try LivePlan.decode(record.plan, remediationID: id)
                        cloud = try Apply.cloud(for: plan, environment: environment, profile: profile)
                    }
                    return try await LiveRemediator(store: opened, clients: cloud, checks: checks).recover(id: id, by: actor)
                }
            } catch {
                await opened.close()
                throw error
            }
            await opened.close()
            print(RemediationText.recovery(outcome))
            if case .undecided = outcome.result { throw ExitCode(1) }
        }
    }
}

/// Start-up recovery of applies a dead process interrupted, for the commands that act on requests.
enum InterruptedApplies {
    /// A live apply takes seconds; a request applying for longer was left by a process that died.
    static let stuckAfter: TimeInterval = 300

    /// Settles every request applying for over `stuckAfter`, with the cloud clients of the environment; each
    /// decision is printed on stderr. Never fails the command: what cannot be settled stays as it is.
    static func recover(store: Store, checks: [CheckDefinition], environment: [String: String], profile: String?, actor: String) async {
        do {
            let outcomes = try await LiveRemediator.recoverInterrupted(
                store: store, checks: checks, stuckAfter: stuckAfter, actor: actor
            ) { plan in
                try? RemediationCommand.Apply.cloud(for: plan, environment: environment, profile: profile)
            }
            for outcome in outcomes {
                FileHandle.standardError.write(Data("Recovered: \(RemediationText.recovery(outcome))\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("Warning: cannot recover interrupted applies: \(error)\n".utf8))
        }
    }
}
