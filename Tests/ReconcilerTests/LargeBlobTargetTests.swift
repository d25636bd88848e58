import Foundation
import GitOps
import Reports
import Scanner
import Store
import Testing

@testable import CommitScan
@testable import Reconciler

/// A file over the size limit under a target's paths fails only what reads it: a packaged artifact is left
/// unread (a file function over it is unknown), an oversized `.tf` is that file's load error, and the scan of
/// the rest is stored.
@Suite(.serialized) struct LargeBlobTargetTests {
    static let lambda = """
        resource "aws_lambda_function" "f" {
          function_name    = "f"
          role             = "arn:aws:iam::123456789012:role/f"
          filename         = "lambda.zip"
          source_code_hash = filebase64sha256("lambda.zip")
        }
        """

    @Test(.timeLimit(.minutes(3))) func aLargeArtifactBesideTheConfigurationStillStoresTheScan() async throws {
        let h = try await ReconcileLoopTests.Harness()
        let artifact = String(repeating: "z", count: 9 << 20)
        _ = try h.remote.createRepository(
            "blobs", files: ["main.tf": ReconcileLoopTests.insecure, "lambda.tf": Self.lambda, "lambda.zip": artifact])
        _ = await h.reconciler([h.target("blobs")]).runOnce()
        let scan = try #require(try await h.store.latestScan(target: "blobs"), "no scan stored")
        #expect(!scan.commit.isEmpty)
        let open = try await h.store.openFindings(target: "blobs")
        #expect(open.contains { $0.resourceAddress == "aws_s3_bucket_acl.data" }, "\(open.map(\.resourceAddress))")
    }

    @Test(.timeLimit(.minutes(3))) func theOversizedFilesAreReportedWhereTheyAreRead() async throws {
        let remote = try GitRemoteFixture()
        let artifact = String(repeating: "z", count: 9 << 20)
        _ = try remote.createRepository(
            "blobs", files: ["lambda.tf": Self.lambda, "lambda.zip": artifact, "generated/huge.tf": "# " + artifact])
        let repository = try await GitRepository.openOrClone(
            url: remote.url("blobs"), cacheDirectory: remote.root + "/cache", options: GitRemoteOptions())
        var options = ScanOptions()
        options.library = CheckLibrary.load(directory: ReconcileLoopTests.checksDirectory)
        let scanner = CommitScanner(options: options)
        let commit = try await repository.resolve("main")
        let snapshot = try await scanner.snapshot(repository: repository, commit: commit, paths: ["."])
        #expect(snapshot.oversized.keys.sorted() == ["generated/huge.tf", "lambda.zip"])
        #expect(snapshot.files["lambda.tf"] != nil)
        let report = try await scanner.scan(snapshot, paths: ["."])
        #expect(report.resourceCount >= 1)
        let messages = report.diagnostics.map(\.message)
        #expect(
            messages.contains { $0.hasPrefix("filebase64sha256(\"lambda.zip\") reads a file larger than") }, "\(messages)")
        #expect(report.diagnostics.contains { $0.message.contains("huge.tf") || ($0.file ?? "").contains("huge.tf") }, "\(messages)")
    }
}
