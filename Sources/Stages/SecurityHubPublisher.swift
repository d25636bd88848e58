import AWS
import Foundation
import Model
import Reports

/// Sends a report to AWS Security Hub as ASFF findings: the same findings `-o asff` writes, imported into each region
/// through `SecurityHubExport` (batches of 100, then archival of what the report no longer holds). Shared by
/// `bulwark scan --security-hub` and the live stage's `securityHub:` option.
public struct SecurityHubPublisher: Sendable {
    /// The account findings belong to (12 digits).
    public var account: String
    /// Regions to import into; each gets every finding, and its own archival pass.
    public var regions: [String]
    /// What the findings are about (a target): archival touches only findings of the same scope.
    public var scope: String

    /// Builds a publisher.
    public init(account: String, regions: [String], scope: String) {
        self.account = account
        self.regions = regions
        self.scope = scope
    }

    /// Imports `report` into every region with `client`; nothing is archived when `partial` names why the run is
    /// incomplete (load errors, unread resources).
    public func publish(
        _ report: ScanReport, client: AWSClient, partial: String?, now: Date = Date()
    ) async
        -> [SecurityHubExport.RegionOutcome]
    {
        let regionFindings = regions.map { region -> SecurityHubExport.RegionFindings in
            let context = ExportContext(awsAccountID: account, awsRegion: region, time: now, scope: scope)
            let findings = ASFFReport.findings(report, context: context).map {
                SecurityHubExport.Finding(id: $0.id, body: Data($0.json.rendered().utf8))
            }
            return SecurityHubExport.RegionFindings(
                region: region,
                productARN: ASFFReport.productARN(account: account, region: region, partition: context.awsPartition),
                idPrefix: ASFFReport.idPrefix(account: account, scope: scope), findings: findings)
        }
        return await SecurityHubExport(client: SecurityHubClient(client: client)).run(regionFindings, partial: partial, now: now)
    }

    /// Why a scan report is partial (inputs or checks that did not load), or nil when it is complete.
    public static func partialReason(_ report: ScanReport) -> String? {
        let errors = report.loadErrors.count
        return errors == 0 ? nil : "\(errors) load error\(errors == 1 ? "" : "s")"
    }
}
