import Foundation
import Testing

@testable import Anomaly
@testable import AnomalyEvaluation

/// The harness's hard cases of benign traffic and its insider scenarios, as generated and as read back.
@Suite struct HardCaseGeneratorTests {
    @Test func hardCasesAreGeneratedApartFromTheCast() {
        let with = ActivityGenerator.generate(.init())
        var config = ActivityGenerator.Config()
        config.hardCases = false
        let without = ActivityGenerator.generate(config)
        #expect(Set(with.hardCases.values).count == 8)
        #expect(without.hardCases.isEmpty)
        // The hard cases draw from their own random stream: the rest of the cast and the attacks are unchanged.
        let hard = Set(with.cast.indices.filter { with.cast[$0].hardCase != nil })
        #expect(with.calls.filter { !hard.contains($0.persona) }.count == without.callCount)
        #expect(with.attacks == without.attacks)
    }

    @Test func hardCasesChangeOnTheirDays() throws {
        let data = ActivityGenerator.generate(.init())
        func calls(_ name: String) throws -> [SyntheticCall] {
            let index = try #require(data.cast.firstIndex { $0.name == name })
            return data.calls.filter { $0.persona == index }
        }
        func day(_ c: SyntheticCall) -> Int { Int((c.time - data.start) / 86_400) }
        // The new hire starts on day 15; the laptop moves on day 16; the rollout reaches a new region on day 16.
        #expect(try calls("dev-frank").allSatisfy { day($0) >= 15 })
        let erin = try calls("dev-erin")
        #expect(erin.contains { day($0) < 16 && $0.ip == "203.0.113.61" })
        #expect(!erin.contains { day($0) >= 16 && $0.ip == "203.0.113.61" })
        let release = try calls("release-pipeline")
        #expect(release.contains { $0.region == "ap-southeast-2" })
        #expect(release.allSatisfy { $0.region != "ap-southeast-2" || day($0) >= 16 })
    }

    @Test func insidersCallFromTheirUsualHost() throws {
        let data = ActivityGenerator.generate(.init())
        for insider in AttackTechnique.insiders {
            let attack = try #require(data.attacks.first { $0.technique == insider.name })
            let index = try #require(data.cast.firstIndex { $0.name == insider.persona })
            let times = Set(attack.callTimes)
            let made = data.calls.filter { $0.persona == index && times.contains($0.time) }
            #expect(!made.isEmpty)
            #expect(made.allSatisfy { $0.ip == data.cast[index].ips[0] && $0.agent == data.cast[index].agents[0] }, "\(insider.name)")
        }
        // The bulk ones stay within an hour or two, as a burst does.
        let bulk = try #require(data.attacks.first { $0.technique == "insider.bulk-s3-read" })
        #expect(bulk.callTimes.count == 3001)
        #expect((bulk.callTimes.max() ?? 0) - (bulk.callTimes.min() ?? 0) < 2 * 3600)
    }

    @Test func serviceInvokedCallsAreReadAsServicePrincipals() async throws {
        var config = ActivityGenerator.Config()
        config.trainDays = 1
        config.testDays = 0
        config.techniques = []
        let data = ActivityGenerator.generate(config)
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try CloudTrailWriter.write(data, to: dir)
        let batch = try await LogIngestor(maxReadAttempts: 1).readNew(from: LocalDirectorySource(root: dir), after: LogCursor())
        #expect(batch.report.malformed == 0)
        let lambda = batch.events.filter { $0.principal == "lambda.amazonaws.com" }
        #expect(!lambda.isEmpty && lambda.allSatisfy { $0.principalType == .service && $0.action == "AssumeRole" })
        #expect(batch.events.contains { $0.principal == "arn:aws:iam::123456789012:user/developers/dev-erin" })
    }
}
