import AWS
import ArgumentParser
import Azure
import CloudHTTP
import Foundation
import LiveRemediation
import Scanner
import Store

/// `bulwark remediation`: the live remediation requests the controller proposed, and the approval workflow.
struct RemediationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remediation",
        abstract: "List, inspect, approve, reject, apply and recover live remediation requests.",
        discussion: """
            Exit status, the same for every subcommand: 0 done, or already in the state asked for (approving \
            twice); 1 apply ran and failed, or recover could not decide; 2 the request could not be \
            handled (no such request, no database, bad usage, no cloud credentials); 3 the request's status does \
            not allow the action (approving a rejected request, rejecting an applied one, applying one that is not \
            approved, recovering one that is not applying).

            approve, reject and apply first recover requests left applying for over 5 minutes by a process that \
            died mid-apply (re-read through the cloud credentials of the environment); recover ID does it for one \
            request at once.
            """,
        subcommands: [List.self, Show.self, Approve.self, Reject.self, Apply.self, Recover.self])

    /// `--as NAME`, else $USER: who approves, rejects or applies, recorded in the audit trail.
    struct Identity: ParsableArguments {
        @Option(name: .customLong("as"), help: "Your identity for the audit trail (default: $USER).")
        var name: String?

        func resolve() throws -> String {
            let name = self.name ?? ProcessInfo.processInfo.environment["USER"]
            guard let name, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("an identity is required for the audit trail: pass --as NAME or set $USER")
            }
            return name
        }
    }

    /// Approve and reject: a person's decision, recorded under their identity; no cloud client is needed.
    static func decide(
        _ id: Int64, identity: Identity, store: StoreOption,
        _ decision: (LiveRemediator, String) async throws -> RemediationRecord
    ) async throws {
        let actor = try identity.resolve()
        let opened = try await store.open(mustExist: true)
        let environment = ProcessInfo.processInfo.environment
        await InterruptedApplies.recover(
            store: opened, checks: CheckLibraryLocator.load(explicit: nil, environment: environment).checks,
            environment: environment, profile: nil, actor: actor)
        let record: RemediationRecord
        do {
            record = try await RemediationText.reporting {
                try await decision(LiveRemediator(store: opened, clients: FixClients(), checks: []), actor)
            }
        } catch {
            await opened.close()
            throw error
        }
        await opened.close()
        print("remediation \(id): \(record.status.rawValue)")
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List remediation requests, oldest first.")
        @Option(help: "Only this status (proposed, approved, rejected, applying, applied, failed, verified).")
        var status: String?
        @Option(help: "Only this target.") var target: String?
        @OptionGroup var store: StoreOption

        func run() async throws {
            var filter: RemediationStatus?
            if let status {
                guard let parsed = RemediationStatus(rawValue: status) else {
                    throw ValidationError("unknown status \(status)")
                }
                filter = parsed
            }
            let opened = try await store.open(mustExist: true)
            let records = try await opened.remediations(status: filter, target: target)
            await opened.close()
            print(RemediationText.table(records))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a request's plan, audit trail and MTTR.")
        @Argument(help: "Remediation ID.") var id: Int64
        @OptionGroup var store: StoreOption

        func run() async throws {
            let opened = try await store.open(mustExist: true)
            let record = try await opened.remediation(id: id)
            let events = try await opened.auditEvents(remediationID: id)
            await opened.close()
            guard let record else { throw RemediationText.notFound(id) }
            print(RemediationText.detail(record, events: events))
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve a proposed request (approving twice is a no-op).")
        @Argument(help: "Remediation ID.") var id: Int64
        @Option(help: "Why (recorded in the audit trail).") var reason: String = "approved"
        @OptionGroup var identity: Identity
        @OptionGroup var store: StoreOption

        func run() async throws {
            try await RemediationCommand.decide(id, identity: identity, store: store) { remediator, actor in
                try await remediator.approve(id: id, by: actor, reason: reason)
            }
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject a proposed or approved request.")
        @Argument(help: "Remediation ID.") var id: Int64
        @Option(help: "Why (recorded in the audit trail).") var reason: String = "rejected"
        @OptionGroup var identity: Identity
        @OptionGroup var store: StoreOption

        func run() async throws {
            try await RemediationCommand.decide(id, identity: identity, store: store) { remediator, actor in
                try await remediator.reject(id: id, by: actor, reason: reason)
            }
        }
    }

    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply an approved request with the cloud credentials of the environment, then verify it.",
            discussion: "--dry-run prints the exact API calls and sends nothing. AWS credentials and region come from "
                + "the AWS CLI's environment and files; Azure from AZURE_TENANT_ID / AZURE_CLIENT_ID / "
                + "AZURE_CLIENT_SECRET / AZURE_SUBSCRIPTION_ID.")
        @Argument(help: "Remediation ID.") var id: Int64
        @Flag(help: "Print the API calls without sending them.") var dryRun = false
        @Option(help: "AWS profile.") var profile: String?
        @Option(name: .customLong("checks-dir"), help: "Check library directory (verification re-runs the check).")
        var checksDirectory: String?
        @OptionGroup var identity: Identity
        @OptionGroup var store: StoreOption

        func run() async throws {
            let opened = try await store.open(mustExist: true)
            guard let record = try await opened.remediation(id: id) else {
                await opened.close()
                throw RemediationText.notFound(id)
            }
            let plan = try await RemediationText.reporting { try LivePlan.decode(record.plan, remediationID: id) }
            if dryRun {
                await opened.close()
                print(RemediationText.dryRun(plan, status: record.status))
                return
            }
            let actor = try identity.resolve()
            guard record.status == .approved else {
                // Refused before any cloud client is needed, with the status it is in.
                await opened.close()
                print("remediation \(id): not applied (status \(record.status.rawValue))")
                throw ExitCode(RemediationText.wrongStateExit)
            }
            let environment = ProcessInfo.processInfo.environment
            let checks = CheckLibraryLocator.load(explicit: checksDirectory, environment: environment).checks
            await InterruptedApplies.recover(
                store: opened, checks: checks, environment: environment, profile: profile, actor: actor)
            let cloud = try await RemediationText.reporting { try Self.cloud(for: plan, environment: environment, profile: profile) }
            let outcome = try await RemediationText.reporting {
                try await LiveRemediator(store: opened, clients: cloud, checks: checks).apply(id: id, by: actor)
            }
            await opened.close()
            print(RemediationText.outcome(outcome))
            if case .failed = outcome.result { throw ExitCode(1) }
            if case .notApplied = outcome.result { throw ExitCode(RemediationText.wrongStateExit) }
        }

        static func cloud(for plan: LivePlan, environment: [String: String], profile: String?) throws -> FixClients {
            if plan.provider == "azure" {
                let configuration = try AzureConfiguration.fromEnvironment(environment)
                return FixClients(
                    arm: ARMClient(configuration: configuration, transport: URLSessionTransport()),
                    azureSubscription: configuration.subscriptionID ?? plan.account)
            }
            return FixClients(aws: try AWSClient.fromEnvironment(environment, profile: profile))
        }
    }
}
