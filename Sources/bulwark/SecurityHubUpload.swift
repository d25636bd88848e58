import AWS
import ArgumentParser
import Foundation
import Reports
import Stages

/// `bulwark scan --security-hub`: the scan's findings imported into every region, with one line per region on
/// standard error. A refused finding, a failed call or missing credentials exit 2, since the user asked for it.
enum SecurityHubUpload {
    static func run(
        _ report: ScanReport, account: String, regions: [String], scope: String, environment: [String: String]
    ) async throws {
        let client: AWSClient
        do {
            client = try AWSClient.fromEnvironment(environment)
        } catch {
            FileHandle.standardError.write(Data("Error: security hub: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let partial = SecurityHubPublisher.partialReason(report)
        let outcomes = await SecurityHubPublisher(account: account, regions: regions, scope: scope)
            .publish(report, client: client, partial: partial)
        for outcome in outcomes { FileHandle.standardError.write(Data((outcome.summary + "\n").utf8)) }
        if outcomes.contains(where: { $0.error != nil || !$0.failed.isEmpty }) { throw ExitCode(2) }
    }
}
