import AWS
import Discovery
import Foundation
import Model
import TestSupport
import Testing

/// Types whose describe calls carry no tags get them in bulk from the Resource Groups Tagging API (moto serves it);
/// a resource it does not list was never tagged, and a failed read leaves tags unread, never empty.
@Suite("Tags read in bulk", .serialized)
struct TagBackfillTests {
    static func seed(_ moto: MotoServer) throws -> [String: String] {
        guard let script = Bundle.module.url(forResource: "seed_moto_tags", withExtension: "py", subdirectory: "Fixtures")
        else { throw TestServerError("seed_moto_tags.py missing from the test bundle") }
        let line = try moto.runPython(script: script.path).split(separator: "\n").last.map(String.init) ?? ""
        return try JSONDecoder().decode([String: String].self, from: Data(line.utf8))
    }

    static func tags(_ result: DiscoveryResult, arn: String) -> Value? {
        result.resources.first { $0.attributes["arn"]?.stringValue == arn }?.attributes["tags"]
    }

    @Test func taggedAndUntaggedResourcesGetTheirTagsFromOneBulkRead() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let ids = try Self.seed(moto)
        let client = MotoDiscoveryTests.client(moto.environment())
        let result = try await AWSDiscovery(client: client, services: [.sns, .sqs, .dynamodb]).run()
        #expect(result.errors.isEmpty, "\(result.errors.map { "\($0.service) \($0.operation): \($0.message)" })")
        #expect(Self.tags(result, arn: ids["tagged_topic"] ?? "") == .map(["Team": .string("web")]))
        #expect(Self.tags(result, arn: ids["plain_topic"] ?? "") == .map([:]))
        #expect(Self.tags(result, arn: ids["queue"] ?? "") == .map(["Team": .string("ops")]))
        #expect(Self.tags(result, arn: ids["table"] ?? "") == .map(["Team": .string("data"), "Tier": .string("gold")]))
        #expect(result.callsByOperation["tagging:GetResources"] == 1)
    }

    @Test func aFailedBulkReadLeavesTagsUnreadAndIsListed() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let ids = try Self.seed(moto)
        var environment = moto.environment()
        environment["AWS_ENDPOINT_URL_RESOURCE_GROUPS_TAGGING_API"] = "http://127.0.0.1:9"
        let client = MotoDiscoveryTests.client(environment)
        let result = try await AWSDiscovery(client: client, services: [.sns]).run()
        #expect(result.errors.contains { $0.service == "tagging" && $0.operation == "GetResources" })
        let topic = result.resources.first { $0.attributes["arn"]?.stringValue == ids["tagged_topic"] }
        #expect(topic != nil && topic?.attributes["tags"] == nil)
    }
}
