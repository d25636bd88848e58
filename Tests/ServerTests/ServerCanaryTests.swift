import CommitScan
import ControllerConfig
import Foundation
import Reconciler
import Scanner
import Store
import TestSupport
import Testing

extension ServerTests {
    /// A target whose Terraform reads files planted outside its repository (absolute and `..` paths, a symbolic
    /// link out of the tree): after a real cycle, no API answer or report download may carry the planted token or
    /// the planted files' location.
    @Suite("Read confinement canary through the API")
    struct ServerCanaryTests {
        static var checksDirectory: String {
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("checks").path
        }

        @Test("every route and download after a cycle of a hostile repository", .timeLimit(.minutes(5)))
        func canary() async throws {
            let base = NSTemporaryDirectory() + "bulwark-server-canary-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: base) }
            let token = "CANARY" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
            let outside = base + "/outside"
            try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
            try Data("\(token)\n".utf8).write(to: URL(fileURLWithPath: outside + "/canary.txt"))
            try Data("resource \"aws_s3_bucket\" \"leak\" {\n  bucket = \"\(token)\"\n}\n".utf8)
                .write(to: URL(fileURLWithPath: outside + "/canary.tf"))
            let pieces = outside.split(separator: "/").map { "\"\($0)\"" }.joined(separator: ", ")
            let main = """
                locals {
                  out = join("/", ["", \(pieces)])
                }

                resource "aws_s3_bucket" "absolute" {
                  bucket = file("${local.out}/canary.txt")
                }

                resource "aws_s3_bucket" "relative" {
                  bucket = file("../../../outside/canary.txt")
                }

                resource "aws_s3_bucket" "host" {
                  bucket = file("/etc/hostname")
                }

                """
            let repository = try FixtureRepository.create(in: base, files: ["stack/main.tf": main])
            try FileManager.default.createSymbolicLink(
                atPath: repository.work + "/stack/linked.tf", withDestinationPath: outside + "/canary.tf")
            try GitCLI.run(["add", "--all"], in: repository.work)
            try GitCLI.run(["commit", "--quiet", "-m", "link"], in: repository.work)
            try GitCLI.run(["push", "--quiet", "origin", "HEAD:refs/heads/main"], in: repository.work)

            try await withServer(.sqlite) { server in
                var options = ScanOptions()
                options.library = CheckLibrary.load(directory: Self.checksDirectory)
                let config = ReconcileConfig(
                    file: base + "/bulwark.yaml", cacheDirectory: base + "/git",
                    targets: [TargetConfig(name: "infra", repository: repository.bare, paths: ["stack"])])
                let reconciler = Reconciler(
                    config: config, store: server.store, scanner: CommitScanner(options: options), owner: "canary")
                let status = try #require(await reconciler.runOnce().first)
                let scan = try #require(try await server.store.latestScan(target: "infra"))
                #expect(status.lastObservedCommit != nil && scan.resourceCount > 0)

                var paths = [
                    "/api/v1/targets", "/api/v1/targets/infra", "/api/v1/targets/infra/scans", "/api/v1/scans/\(scan.id)",
                    "/api/v1/scans/\(scan.id)/findings?limit=1000", "/api/v1/scans/\(scan.id)/sarif",
                    "/api/v1/targets/infra/drift", "/api/v1/targets/infra/diff?from=\(scan.commit)", "/api/v1/alerts",
                    "/api/v1/remediations", "/health/ready", "/metrics",
                    // The dashboard's pages, rendered for the same token.
                    "/", "/targets/infra", "/targets/infra?verdict=FAILED", "/remediation",
                ]
                for framework in try await server.store.complianceFrameworks(scanID: scan.id) {
                    paths.append("/api/v1/targets/infra/compliance/\(framework)")
                    paths.append("/api/v1/targets/infra/history?framework=\(framework)")
                    for format in ["html", "json", "csv", "markdown"] {
                        paths.append("/api/v1/targets/infra/reports/\(framework)?format=\(format)")
                    }
                }
                for path in paths {
                    let reply = try await server.request(.get, path, role: .viewer)
                    // Readiness is 503 here: no loop runs beside this server.
                    #expect(reply.status == (path == "/health/ready" ? 503 : 200), "\(path)")
                    #expect(!reply.body.contains(token) && !reply.body.contains(outside), "\(path) leaks the canary")
                }
            }
        }
    }
}
