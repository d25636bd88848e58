import CloudHTTP
import Foundation
import Logging
import Model
import Reports
import TestSupport
import Testing

@testable import AWS
@testable import Checks
@testable import ControllerConfig
@testable import Posture
@testable import Reconciler
@testable import Stages

/// The live stage's `clouds.aws.securityHub:` step against moto's Security Hub, and its configuration.
@Suite(.serialized) struct LiveSecurityHubTests {
    static let check = CheckDefinition(
        id: "BLW-AWS-S3-001", title: "S3 bucket ACL does not grant public read access", description: "", severity: .high,
        provider: "aws", resourceTypes: ["aws_s3_bucket"], condition: .constant(true), remediation: "",
        references: CheckReferences())

    static func result(_ buckets: [String], account: String? = "123456789012") -> LivePostureResult {
        var result = LivePostureResult(
            findings: buckets.map {
                CheckResult(
                    check: check, resourceAddress: "aws_s3_bucket.\($0)", resourceType: "aws_s3_bucket", range: nil,
                    verdict: .failed, evidence: "")
            })
        if let account { result.accounts["aws"] = account }
        return result
    }

    static func target(regions: [String] = []) -> TargetConfig {
        var target = TargetConfig(name: "prod", repository: "/nonexistent", branch: "main")
        target.clouds = TargetConfig.Clouds(aws: .init(regions: ["us-east-1"], securityHub: .init(regions: regions)))
        return target
    }

    func states(_ client: AWSClient, _ region: String) async throws -> [String: String] {
        let answer = try await SecurityHubClient(client: client).call(
            "GetFindings", path: "/findings", body: Data("{\"MaxResults\":100}".utf8), region: region)
        var states: [String: String] = [:]
        for f in answer.members?["Findings"]?.elements ?? [] {
            if let id = f.members?["Id"]?.stringValue { states[id] = f.members?["RecordState"]?.stringValue }
        }
        return states
    }

    @Test func completeCyclesImportAndArchiveAPartialOneOnlyImports() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let step = LiveSecurityHubStep(environment: moto.environment(), transport: URLSessionTransport())
        let client = try AWSClient.fromEnvironment(moto.environment())
        let logger = Logger(label: "test")

        #expect(await step.run(Self.result(["a", "b"]), target: Self.target(), logger: logger).isEmpty)
        var states = try await states(client, "us-east-1")
        #expect(states.count == 2 && Set(states.values) == ["ACTIVE"])
        #expect(states.keys.allSatisfy { $0.hasPrefix(ASFFReport.idPrefix(account: "123456789012", scope: "prod#live")) })

        var partial = Self.result(["a"])
        partial.deadlineExceeded = true
        let warnings = await step.run(partial, target: Self.target(), logger: logger)
        #expect(warnings.map(\.message).contains { $0.contains("nothing archived: partial run (discovery deadline passed)") })
        #expect(Set(try await self.states(client, "us-east-1").values) == ["ACTIVE"])

        #expect(await step.run(Self.result(["a"]), target: Self.target(), logger: logger).isEmpty)
        states = try await self.states(client, "us-east-1")
        #expect(states.values.sorted() == ["ACTIVE", "ARCHIVED"])

        // Regions named under securityHub win over the target's; a region with nothing left is archived there too.
        #expect(await step.run(Self.result([]), target: Self.target(regions: ["us-east-1", "eu-west-1"]), logger: logger).isEmpty)
        #expect(Set(try await self.states(client, "us-east-1").values) == ["ARCHIVED"])
    }

    @Test func withoutAnAccountNothingIsSent() async throws {
        let step = LiveSecurityHubStep(environment: [:], transport: URLSessionTransport())
        let warnings = await step.run(Self.result(["a"], account: nil), target: Self.target(), logger: Logger(label: "test"))
        #expect(warnings.map(\.message) == ["security hub: the AWS account was not read, nothing sent"])
        var off = Self.target()
        off.clouds.aws?.securityHub = nil
        #expect(await step.run(Self.result(["a"]), target: off, logger: Logger(label: "test")).isEmpty)
    }

    @Test func partialReasons() {
        var result = Self.result(["a"])
        #expect(LiveSecurityHubStep.partialReason(result) == nil)
        result.unread = [
            Resource(
                provider: "aws", type: "aws_s3_bucket", name: "x",
                origin: .live(.init(id: "x", account: "123456789012", region: "us-east-1")), attributes: [:])
        ]
        result.deadlineExceeded = true
        #expect(LiveSecurityHubStep.partialReason(result) == "discovery deadline passed, 1 settings unread")
    }

    @Test func configurationReadsTrueFalseAndRegions() throws {
        func aws(_ securityHub: String) throws(ConfigError) -> TargetConfig.Clouds.AWS? {
            try ReconcileConfig.parse(
                """
                targets:
                  - name: infra
                    repo: https://git.example.com/acme/infra.git
                    clouds:
                      aws:
                        regions: [eu-west-1]
                        securityHub: \(securityHub)
                """, file: "/etc/bulwark/bulwark.yaml"
            ).targets.first?.clouds.aws
        }
        #expect(try aws("true")?.securityHub == .init(regions: []))
        #expect(try aws("false")?.securityHub == nil)
        #expect(try aws("{regions: [us-east-1, eu-west-1]}")?.securityHub == .init(regions: ["us-east-1", "eu-west-1"]))
        #expect(throws: ConfigError.self) { try aws("{region: us-east-1}") }
    }
}
