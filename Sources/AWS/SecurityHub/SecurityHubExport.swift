import CloudHTTP
import Foundation
import Model

/// One run's findings sent to Security Hub: imported region by region, then this product's earlier findings that the
/// run no longer reports are archived (re-imported with `RecordState: ARCHIVED`), so Security Hub shows what is true
/// now. A partial run (inputs that did not load, resources not read) archives nothing: a finding missing from it
/// may only be unread, not fixed.
public struct SecurityHubExport: Sendable {
    /// One encoded ASFF finding and its `Id`.
    public struct Finding: Sendable, Hashable {
        public var id: String
        public var body: Data

        /// Builds a finding.
        public init(id: String, body: Data) {
            self.id = id
            self.body = body
        }
    }

    /// The findings of one region, with the product they are imported into and the ID prefix that marks this
    /// tool's findings for this scope (what archival may touch).
    public struct RegionFindings: Sendable {
        public var region: String
        public var productARN: String
        public var idPrefix: String
        public var findings: [Finding]

        /// Builds the findings of one region.
        public init(region: String, productARN: String, idPrefix: String, findings: [Finding]) {
            self.region = region
            self.productARN = productARN
            self.idPrefix = idPrefix
            self.findings = findings
        }
    }

    /// What happened in one region.
    public struct RegionOutcome: Sendable {
        public var region: String
        public var imported = 0
        public var failed: [SecurityHubClient.ImportResult.Failure] = []
        public var archived = 0
        /// Why nothing was archived (a partial run, a failed import or read); nil when archival ran.
        public var archivalSkipped: String?
        /// The call that failed, ending the region's work.
        public var error: AWSError?

        /// One line for logs and the terminal.
        public var summary: String {
            var text = "security hub \(region): \(imported) imported"
            if !failed.isEmpty { text += ", \(failed.count) refused (first: \(failed[0].id): \(failed[0].code) \(failed[0].message))" }
            if let archivalSkipped { text += ", nothing archived: \(archivalSkipped)" } else { text += ", \(archived) archived" }
            if let error { text += "; error: \(error)" }
            return text
        }
    }

    public let client: SecurityHubClient

    /// An export through `client`.
    public init(client: SecurityHubClient) { self.client = client }

    /// Imports every region's findings (a region with none still gets its archival pass) and archives what is
    /// gone, unless `partial` names why the run is incomplete. Regions run one after another; one region's
    /// failure does not stop the others.
    public func run(_ regions: [RegionFindings], partial: String?, now: Date = Date()) async -> [RegionOutcome] {
        var outcomes: [RegionOutcome] = []
        for region in regions {
            outcomes.append(await run(region, partial: partial, now: now))
        }
        return outcomes
    }

    func run(_ region: RegionFindings, partial: String?, now: Date) async -> RegionOutcome {
        var outcome = RegionOutcome(region: region.region)
        do throws(AWSError) {
            let imported = try await client.importFindings(region.findings.map(\.body), region: region.region)
            outcome.imported = imported.succeeded
            outcome.failed = imported.failed
            if let partial {
                outcome.archivalSkipped = "partial run (\(partial))"
                return outcome
            }
            let current = Set(region.findings.map(\.id))
            let stale = try await client.activeFindings(
                productARN: region.productARN, idPrefix: region.idPrefix, region: region.region
            ).filter { finding in
                guard let id = finding.members?["Id"]?.stringValue else { return false }
                return !current.contains(id)
            }
            let timestamp = Self.timestamp(now)
            var bodies: [Data] = []
            for finding in stale {
                guard let body = Self.archived(finding, at: timestamp) else { continue }
                bodies.append(body)
            }
            let archived = try await client.importFindings(bodies, region: region.region)
            outcome.archived = archived.succeeded
            outcome.failed += archived.failed
        } catch {
            outcome.error = error
            if outcome.archivalSkipped == nil { outcome.archivalSkipped = "\(error.operation) failed" }
        }
        return outcome
    }

    /// The attributes a provider sends again to archive its finding: the ones Bulwark writes, less the workflow
    /// (the customer's to change), with the new record state and update time.
    static let archivedAttributes: Set<String> = [
        "SchemaVersion", "Id", "ProductArn", "ProductName", "CompanyName", "Region", "GeneratorId", "AwsAccountId", "Types",
        "CreatedAt", "Severity", "Title", "Description", "Remediation", "ProductFields", "Resources", "Compliance",
    ]

    /// `finding` as an import that archives it; nil when it cannot be encoded.
    static func archived(_ finding: Value, at timestamp: String) -> Data? {
        var members = (finding.members ?? [:]).filter { archivedAttributes.contains($0.key) }
        members["RecordState"] = .string("ARCHIVED")
        members["UpdatedAt"] = .string(timestamp)
        return try? JSONBody.encode(.object(members))
    }

    /// RFC 3339 in UTC with milliseconds, as ASFF timestamps are written.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
