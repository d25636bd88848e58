import AWS
import Checks
import CloudHTTP
import Discovery
import Foundation
import LiveRemediation
import Model
import Store
import TestSupport

/// A moto server seeded with one non-compliant resource per AWS live fix, the check library, and helpers to turn
/// a discovery into live findings and to read moto's state back through boto3.
struct MotoFixture {
    let moto: MotoServer
    let ids: [String: String]
    let script: String

    static let fast = RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5))

    /// The repository's check library.
    static let checks: [CheckDefinition] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return CheckLoader.load(directory: root.appendingPathComponent("checks").path).checks
    }()

    /// Starts moto and seeds it.
    static func start() throws -> MotoFixture {
        guard let url = Bundle.module.url(forResource: "live_fix_moto", withExtension: "py", subdirectory: "Fixtures") else {
            throw TestServerError("live_fix_moto.py missing from the test bundle")
        }
        let moto = try MotoServer()
        do {
            let ids = try decode(try moto.runPython(script: url.path, arguments: ["seed"]))
            return MotoFixture(moto: moto, ids: ids, script: url.path)
        } catch {
            moto.stop()
            throw error
        }
    }

    static func decode(_ output: String) throws -> [String: String] {
        let line = output.split(separator: "\n").last.map(String.init) ?? ""
        return try JSONDecoder().decode([String: String].self, from: Data(line.utf8))
    }

    /// A fresh client (with its own call counts).
    func client() -> AWSClient {
        AWSClient(
            credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing")),
            region: "us-east-1", environment: moto.environment(), retryPolicy: Self.fast)
    }

    /// Discovers the account and returns the failed results (with their resources) of checks in `checkIDs`
    /// on the seeded resources.
    func findings(_ checkIDs: Set<String>, client: AWSClient) async throws -> [LiveFinding] {
        let result = try await AWSDiscovery(client: client, services: [.s3, .iam, .ec2, .kms, .cloudtrail]).run()
        let graph = ResourceGraph(result.resources)
        let seeded: Set<String> = [
            "arn:aws:s3:::fix-me-bucket", ids["key"] ?? "-", ids["trail"] ?? "-",
            ids["account"] ?? "-", "\(ids["account"] ?? "-")/us-east-1",
        ]
        let engine = CheckEngine(checks: Self.checks.filter { checkIDs.contains($0.id) })
        return LiveFinding.failed(engine.evaluate(graph: graph), in: graph, detectedAt: Date()).filter { finding in
            guard case .live(let origin) = finding.resource.origin else { return false }
            return seeded.contains(origin.id) || origin.id.hasSuffix("/\(ids["sg"] ?? "-")")
                || origin.id.hasSuffix("/\(ids["instance"] ?? "-")")
        }
    }

    /// moto's current state of the seeded resources, read through boto3.
    func readback() throws -> [String: Any] {
        let idsJSON = String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)
        let output = try moto.runPython(script: script, arguments: ["readback", idsJSON])
        let line = output.split(separator: "\n").last.map(String.init) ?? ""
        guard let state = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw TestServerError("readback printed no JSON object: \(output)")
        }
        return state
    }

    /// Deletes a bucket behind Bulwark's back.
    func deleteBucket(_ name: String) throws {
        try moto.runPython(script: script, arguments: ["delete-bucket", name])
    }

    func stop() { moto.stop() }
}

/// A fresh SQLite store in a temp directory.
func temporarySQLiteStore() async throws -> (Store, String) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-livefix-\(UUID().uuidString)").path
    let store = try await Store.open(.sqlite(path: directory + "/bulwark.db"))
    return (store, directory)
}

/// Calls of `operation` the client made (failed ones included).
func calls(_ client: AWSClient, _ operation: String) async -> Int {
    await client.stats.entries().filter { $0.operation == operation }.reduce(0) { $0 + $1.calls }
}

/// Starts a seeded moto and a fresh SQLite store, runs `body` with a fresh client, then stops and deletes both.
func withMotoStore(_ body: (MotoFixture, Store, AWSClient) async throws -> Void) async throws {
    let fixture = try MotoFixture.start()
    defer { fixture.stop() }
    let (store, directory) = try await temporarySQLiteStore()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    do {
        try await body(fixture, store, fixture.client())
    } catch {
        await store.close()
        throw error
    }
    await store.close()
}
