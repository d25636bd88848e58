import CloudHTTP
import Foundation
import Model
import TestSupport
import Testing

@testable import AWS

/// `SecurityHubExport` against moto's Security Hub (BatchImportFindings, GetFindings): import in batches of 100,
/// archival of findings a run no longer reports (also in a region with no finding left), none on a partial run, and
/// never of another tool's or another scope's findings.
@Suite(.serialized) struct SecurityHubExportTests {
    static let account = "123456789012"
    static let prefix = "bulwark/123456789012/scope-a/"

    static func productARN(_ region: String) -> String {
        "arn:aws:securityhub:\(region):\(account):product/\(account)/default"
    }

    /// A minimal ASFF finding with every required attribute.
    static func finding(_ name: String, region: String, prefix: String = prefix) -> SecurityHubExport.Finding {
        let id = prefix + name
        let object: Value = .object([
            "SchemaVersion": .string("2018-10-08"), "Id": .string(id), "ProductArn": .string(productARN(region)),
            "GeneratorId": .string("bulwark/BLW-AWS-S3-001"), "AwsAccountId": .string(account),
            "Types": .list([.string("Software and Configuration Checks/AWS Security Best Practices/Infrastructure as Code")]),
            "CreatedAt": .string("2026-12-07T10:00:00.000Z"), "UpdatedAt": .string("2026-12-07T10:00:00.000Z"),
            "Severity": .object(["Label": .string("HIGH")]), "Title": .string("Finding \(name)"),
            "Description": .string("Test finding \(name)"),
            "Resources": .list([.object(["Type": .string("AwsS3Bucket"), "Id": .string("aws_s3_bucket.\(name)")])]),
            "Compliance": .object(["Status": .string("FAILED")]), "RecordState": .string("ACTIVE"),
        ])
        return SecurityHubExport.Finding(id: id, body: (try? JSONBody.encode(object)) ?? Data())
    }

    static func regionFindings(_ region: String, _ names: [String]) -> SecurityHubExport.RegionFindings {
        SecurityHubExport.RegionFindings(
            region: region, productARN: productARN(region), idPrefix: prefix,
            findings: names.map { finding($0, region: region) })
    }

    struct Harness {
        let moto: MotoServer
        let client: AWSClient
        var export: SecurityHubExport { SecurityHubExport(client: SecurityHubClient(client: client)) }

        init() throws {
            moto = try MotoServer()
            client = try AWSClient.fromEnvironment(moto.environment(region: "eu-west-1"))
        }

        /// Record state by finding ID, read back through the API without any filter.
        func states(_ region: String) async throws -> [String: String] {
            var states: [String: String] = [:]
            var token: String?
            repeat {
                var request: [String: Value] = ["MaxResults": .number(100)]
                if let token { request["NextToken"] = .string(token) }
                let answer = try await SecurityHubClient(client: client).call(
                    "GetFindings", path: "/findings", body: try JSONBody.encode(.object(request)), region: region)
                for f in answer.members?["Findings"]?.elements ?? [] {
                    if let id = f.members?["Id"]?.stringValue { states[id] = f.members?["RecordState"]?.stringValue }
                }
                token = answer.members?["NextToken"]?.stringValue
            } while token?.isEmpty == false
            return states
        }
    }

    @Test func importsThenArchivesWhatTheRunNoLongerReports() async throws {
        let h = try Harness()
        defer { h.moto.stop() }
        let first = await h.export.run([Self.regionFindings("eu-west-1", ["a", "b"])], partial: nil)
        #expect(first.map(\.imported) == [2] && first.map(\.archived) == [0] && first.allSatisfy { $0.error == nil })
        let second = await h.export.run([Self.regionFindings("eu-west-1", ["a"])], partial: nil)
        #expect(second.map(\.imported) == [1] && second.map(\.archived) == [1])
        #expect(second.first?.archivalSkipped == nil)
        let states = try await h.states("eu-west-1")
        #expect(states == [Self.prefix + "a": "ACTIVE", Self.prefix + "b": "ARCHIVED"])
        // An archived finding is not archived again.
        let third = await h.export.run([Self.regionFindings("eu-west-1", ["a"])], partial: nil)
        #expect(third.map(\.archived) == [0])
    }

    @Test func aRegionWithNoFindingLeftIsArchivedToo() async throws {
        let h = try Harness()
        defer { h.moto.stop() }
        _ = await h.export.run([Self.regionFindings("us-east-1", ["c", "d"])], partial: nil)
        let outcomes = await h.export.run(
            [Self.regionFindings("eu-west-1", ["a"]), Self.regionFindings("us-east-1", [])], partial: nil)
        #expect(outcomes.map(\.region) == ["eu-west-1", "us-east-1"])
        #expect(outcomes.map(\.archived) == [0, 2])
        #expect(Set(try await h.states("us-east-1").values) == ["ARCHIVED"])
    }

    @Test func aPartialRunImportsButArchivesNothing() async throws {
        let h = try Harness()
        defer { h.moto.stop() }
        _ = await h.export.run([Self.regionFindings("eu-west-1", ["a", "b"])], partial: nil)
        let outcome = try #require(await h.export.run([Self.regionFindings("eu-west-1", ["a"])], partial: "1 load error").first)
        #expect(outcome.imported == 1 && outcome.archived == 0)
        #expect(outcome.archivalSkipped == "partial run (1 load error)")
        #expect(outcome.summary.contains("nothing archived: partial run"))
        #expect(try await h.states("eu-west-1")[Self.prefix + "b"] == "ACTIVE")
    }

    @Test func otherToolsAndScopesAreNeverArchived() async throws {
        let h = try Harness()
        defer { h.moto.stop() }
        let foreign = [
            Self.finding("x", region: "eu-west-1", prefix: "inspector/123456789012/"),
            Self.finding("y", region: "eu-west-1", prefix: "bulwark/123456789012/scope-b/"),
        ]
        _ = try await SecurityHubClient(client: h.client).importFindings(foreign.map(\.body), region: "eu-west-1")
        let outcome = try #require(await h.export.run([Self.regionFindings("eu-west-1", [])], partial: nil).first)
        #expect(outcome.archived == 0 && outcome.error == nil)
        #expect(Set(try await h.states("eu-west-1").values) == ["ACTIVE"])
    }

    @Test func moreThanAHundredFindingsGoInBatchesOfAHundred() async throws {
        let h = try Harness()
        defer { h.moto.stop() }
        let names = (0..<250).map { "f\($0)" }
        let outcome = try #require(await h.export.run([Self.regionFindings("eu-west-1", names)], partial: nil).first)
        #expect(outcome.imported == 250 && outcome.failed.isEmpty)
        let imports = await h.client.stats.entries().first { $0.operation == "BatchImportFindings" }
        #expect(imports?.calls == 3)
        #expect(try await h.states("eu-west-1").count == 250)
    }

    @Test func archivalKeepsTheImportableAttributesOnly() throws {
        let stored: Value = .object([
            "Id": .string("i"), "Title": .string("t"), "Workflow": .object(["Status": .string("NOTIFIED")]),
            "ProcessedAt": .string("x"), "RecordState": .string("ACTIVE"), "UpdatedAt": .string("old"),
        ])
        let body = try #require(SecurityHubExport.archived(stored, at: "2026-12-07T11:00:00.000Z"))
        let decoded = try JSONBody.decode(body)
        #expect(
            decoded
                == .object([
                    "Id": .string("i"), "Title": .string("t"), "RecordState": .string("ARCHIVED"),
                    "UpdatedAt": .string("2026-12-07T11:00:00.000Z"),
                ]))
    }
}
