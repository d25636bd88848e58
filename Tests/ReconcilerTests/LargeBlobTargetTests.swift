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

    @Test(.timeLimit(.minutes(10))) func aLargeArtifactBesideTheConfigurationStillStoresTheScan() async throws {
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

    /// A snapshot of `files` committed to a fresh repository, scanned with `scanner` (default options).
    private func snapshot(
        _ files: [String: String], scanner configure: (CommitScanner) -> CommitScanner = { $0 }
    ) async throws -> (scanner: CommitScanner, snapshot: CommitSnapshot) {
        let remote = try GitRemoteFixture()
        _ = try remote.createRepository("blobs", files: files)
        let repository = try await GitRepository.openOrClone(
            url: remote.url("blobs"), cacheDirectory: remote.root + "/cache", options: GitRemoteOptions())
        var options = ScanOptions()
        options.library = CheckLibrary.load(directory: ReconcileLoopTests.checksDirectory)
        let scanner = configure(CommitScanner(options: options))
        let commit = try await repository.resolve("main")
        return (scanner, try await scanner.snapshot(repository: repository, commit: commit, paths: ["."]))
    }

    @Test(.timeLimit(.minutes(10))) func theOversizedFilesAreReportedWhereTheyAreRead() async throws {
        let artifact = String(repeating: "z", count: 9 << 20)
        let (scanner, snapshot) = try await snapshot([
            "lambda.tf": Self.lambda, "lambda.zip": artifact, "generated/huge.tf": "# " + artifact,
        ])
        // An oversized .tf is its own load error; the artifact is no Terraform file, so it waits to be asked for.
        #expect(snapshot.oversized.keys.sorted() == ["generated/huge.tf"])
        #expect(snapshot.deferred.keys.sorted() == ["lambda.zip"])
        #expect(snapshot.files["lambda.tf"] != nil)
        let report = try await scanner.scan(snapshot, paths: ["."])
        #expect(report.resourceCount >= 1)
        let messages = report.diagnostics.map(\.message)
        #expect(!messages.contains { $0.contains("lambda.zip") }, "\(messages)")
        #expect(report.diagnostics.contains { $0.message.contains("huge.tf") || ($0.file ?? "").contains("huge.tf") }, "\(messages)")
    }

    @Test(.timeLimit(.minutes(10))) func aLargeArtifactAFunctionHashesIsReadOnceWhenAskedFor() async throws {
        let artifact = String(repeating: "q", count: 20 << 20)
        let (scanner, snapshot) = try await snapshot(["lambda.tf": Self.lambda, "lambda.zip": artifact])
        let zip = try #require(snapshot.deferred["lambda.zip"])
        #expect(zip.size == 20 << 20)
        #expect(zip.loads == 0)
        let report = try await scanner.scan(snapshot, paths: ["."])
        #expect(zip.loads == 1)
        #expect(report.resourceCount == 1)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message))")
        // A second scan of the same snapshot (a later stage) reads nothing again.
        _ = try await scanner.scan(snapshot, paths: ["."])
        #expect(zip.loads == 1)
    }

    @Test(.timeLimit(.minutes(10))) func anArtifactNothingReadsIsNeverRead() async throws {
        let unused = """
            resource "aws_lambda_function" "f" {
              function_name = "f"
              role          = "arn:aws:iam::123456789012:role/f"
              filename      = "lambda.zip"
            }
            """
        let artifact = String(repeating: "q", count: 20 << 20)
        let (scanner, snapshot) = try await snapshot(["lambda.tf": unused, "lambda.zip": artifact, "logo.png": "png"])
        let report = try await scanner.scan(snapshot, paths: ["."])
        #expect(report.resourceCount == 1)
        #expect(snapshot.deferred.keys.sorted() == ["lambda.zip", "logo.png"])
        for (path, file) in snapshot.deferred { #expect(file.loads == 0, "\(path)") }
    }

    @Test(.timeLimit(.minutes(10))) func aTargetsMaxFileSizeLimitsThePlanAndStateJSON() async throws {
        let plan = #"{"format_version":"1.2","terraform_version":"1.9.0","planned_values":{"root_module":{}}}"#
        let padded = plan.dropLast() + #","padding":""# + String(repeating: " ", count: 4096) + #""}"#
        let (_, limited) = try await snapshot(["plan.json": String(padded)]) { $0.limitingInputFiles(to: 1024) }
        #expect(limited.oversized.keys.sorted() == ["plan.json"])
        #expect(limited.files["plan.json"] == nil)
        let (_, plain) = try await snapshot(["plan.json": String(padded)])
        #expect(plain.files["plan.json"] != nil)
        #expect(plain.oversized.isEmpty)
    }
}
