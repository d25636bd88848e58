import Foundation
import TestSupport
import Testing

/// `bulwark scan` with `-o asff`, `-o ocsf` and `--security-hub`, as a process against moto's Security Hub.
@Suite(.serialized) struct ScanExportProcessTests {
    static let bucket = """
        resource "aws_s3_bucket" "data" {
          bucket = "acme-data"
        }

        """
    static let rds = """
        resource "aws_db_instance" "db" {
          engine            = "postgres"
          storage_encrypted = false
        }

        """

    /// A directory named `name` holding `files`.
    static func tree(_ name: String, _ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
            .appendingPathComponent(name)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (file, text) in files { try text.write(to: root.appendingPathComponent(file), atomically: true, encoding: .utf8) }
        return root.path
    }

    func scan(_ arguments: [String], environment: [String: String] = [:]) async throws -> Subprocess.Outcome {
        let executable = try BuiltProduct.path("bulwark", override: "BULWARK_EXECUTABLE")
        let base = ["AWS_ACCOUNT_ID": "", "AWS_REGION": "", "AWS_DEFAULT_REGION": ""]
        return try await Subprocess(
            executable, ["scan", "--checks-dir", ReconcileLoopTests.checksDirectory, "--soft-fail"] + arguments,
            environment: base.merging(environment) { _, new in new }
        ).wait()
    }

    @Test(.timeLimit(.minutes(10))) func asffNeedsAnAccountAndRegionOCSFDoesNot() async throws {
        let dir = try Self.tree("infra", ["main.tf": Self.bucket])
        let missing = try await scan([dir, "-o", "asff"])
        #expect(missing.exitCode == 2)
        #expect(missing.output.contains("need --aws-account-id"), "\(missing.output)")
        let badAccount = try await scan([dir, "-o", "asff", "--aws-account-id", "12345"])
        #expect(badAccount.exitCode == 2 && badAccount.output.contains("12-digit"))

        let out = dir + "/../findings.json"
        let written = try await scan(
            [dir, "-o", "asff:" + out, "-o", "ocsf:" + out + ".ocsf"],
            environment: ["AWS_ACCOUNT_ID": "123456789012", "AWS_REGION": "eu-west-1"])
        #expect(written.exitCode == 0, "\(written.output)")
        let asff = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [[String: Any]])
        #expect(
            !asff.isEmpty && asff.allSatisfy { $0["AwsAccountId"] as? String == "123456789012" && $0["Region"] as? String == "eu-west-1" })
        let ocsf = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + ".ocsf"))) as? [[String: Any]])
        #expect(ocsf.count == asff.count && ocsf.allSatisfy { $0["class_uid"] as? Int == 2004 })
    }

    @Test(.timeLimit(.minutes(5))) func securityHubImportsArchivesAndLeavesPartialRunsAlone() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        var environment = moto.environment(region: "us-east-1")
        environment["AWS_ACCOUNT_ID"] = "123456789012"
        let dir = try Self.tree("prod", ["main.tf": Self.bucket, "db.tf": Self.rds])
        let hub = ["--security-hub", "--aws-region", "us-east-1", "-o", "json:" + dir + "/../out.json"]

        let first = try await scan([dir] + hub, environment: environment)
        #expect(first.exitCode == 0, "\(first.output)")
        #expect(first.output.contains("security hub us-east-1: "), "\(first.output)")
        #expect(first.output.contains(", 0 archived"), "\(first.output)")

        // The database goes away: its results are archived by the next complete run.
        try FileManager.default.removeItem(atPath: dir + "/db.tf")
        try "resource \"aws_s3_bucket\" \"broken\" {\n  bucket = \n}\n".write(toFile: dir + "/broken.tf", atomically: true, encoding: .utf8)
        let partial = try await scan(
            [dir, "--security-hub", "--aws-region", "us-east-1", "-o", "asff:" + dir + "/../out.asff"], environment: environment)
        #expect(partial.output.contains("nothing archived: partial run ("), "\(partial.output)")
        // With findings-only outputs, the load error itself still reaches standard error.
        #expect(partial.output.contains("broken.tf:") && partial.output.contains(": error: "), "\(partial.output)")

        try FileManager.default.removeItem(atPath: dir + "/broken.tf")
        let second = try await scan([dir] + hub, environment: environment)
        #expect(second.exitCode == 0, "\(second.output)")
        let line = try #require(second.output.split(separator: "\n").first { $0.hasPrefix("security hub us-east-1:") })
        #expect(!line.contains(", 0 archived") && line.hasSuffix(" archived"), "\(line)")

        let refused = try await scan([dir, "--security-hub", "--repo", dir, "--head", "HEAD"], environment: environment)
        #expect(refused.exitCode == 2 && refused.output.contains("not available with --repo"))
    }
}
