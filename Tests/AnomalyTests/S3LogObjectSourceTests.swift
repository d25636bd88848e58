import AWS
import Foundation
import TestSupport
import Testing

@testable import Anomaly

/// The S3 source against moto: folders found through the delimiter, `start-after` from the cursor, paging,
/// a truncated object counted and passed, and typed errors naming the bucket and key.
@Suite struct S3LogObjectSourceTests {
    static func object(_ time: String, _ name: String) throws -> Data {
        try Gzip.compress(Data(#"{"Records":[\#(Support.cloudTrailRecord(time: time, name: name))]}"#.utf8))
    }

    @Test(.timeLimit(.minutes(10))) func readsNewObjectsPerFolderAcrossPages() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let client = try AWSClient.fromEnvironment(moto.environment())
        _ = try await client.s3(method: "PUT", bucket: "logs", operation: "CreateBucket")
        func put(_ key: String, _ body: Data) async throws {
            _ = try await client.s3(method: "PUT", bucket: "logs", key: key, body: body, operation: "PutObject")
        }
        let east = "p/AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/02/"
        let west = "p/AWSLogs/111122223333/CloudTrail/eu-west-1/2026/03/02/"
        for hour in 0..<5 {
            try await put(east + "o\(hour).json.gz", try Self.object("2026-03-02T0\(hour):10:00Z", "DescribeInstances"))
        }
        try await put(west + "w0.json.gz", try Self.object("2026-03-02T01:00:00Z", "StopLogging"))
        let whole = try Self.object("2026-03-02T06:00:00Z", "ListBuckets")
        try await put(east + "z-cut.json.gz", whole.prefix(whole.count / 2))
        try await put("p/AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/03/02/d.json.gz", whole)
        try await put("elsewhere/AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/02/x.json.gz", whole)

        var source = S3LogObjectSource(client: client, bucket: "logs", prefix: "p")
        source.pageSize = 2
        #expect(source.name == "s3://logs/p/")
        let first = try await LogIngestor().readNew(from: source, after: LogCursor())
        #expect(first.report.files.count == 7)
        #expect(first.events.count == 6)
        #expect(first.report.failedFiles == 1)
        #expect(first.report.files.first { $0.key.hasSuffix("z-cut.json.gz") }?.error?.code == .truncatedGzip)
        #expect(
            first.cursor.lastKeyByGroup == [
                String(east.dropLast(12)): east + "z-cut.json.gz", String(west.dropLast(12)): west + "w0.json.gz",
            ])

        // Nothing new: nothing listed. One new object: only it, found after the cursor.
        #expect(try await source.list(after: first.cursor).isEmpty)
        try await put(
            east.replacingOccurrences(of: "/02/", with: "/03/") + "n.json.gz",
            try Self.object("2026-03-03T00:00:00Z", "RunInstances"))
        let second = try await LogIngestor().readNew(from: source, after: first.cursor)
        #expect(second.events.map(\.action) == ["RunInstances"])

        // Errors name the bucket and key.
        do {
            _ = try await source.read(key: east + "missing.json.gz")
            Issue.record("reading a missing object must fail")
        } catch {
            #expect(error.code == .cloudAPI)
            #expect(error.location == "s3://logs/\(east)missing.json.gz")
            #expect(error.message.contains("NoSuchKey"))
        }
        let absent = S3LogObjectSource(client: client, bucket: "no-such-bucket")
        await #expect(throws: AnomalyError.self) { _ = try await absent.list(after: LogCursor()) }
        #expect(try S3LogObjectSource.parse(url: "s3://b/org/x") == ("b", "org/x"))
        #expect(throws: AnomalyError.self) { _ = try S3LogObjectSource.parse(url: "https://b/x") }
    }
}
