import Foundation
import TestSupport
import Testing

/// `bulwark fix` end to end: the real binary on a copy of the desired-state example.
@Suite("bulwark fix")
struct FixCommandTests {
    /// Runs `bulwark` with `arguments` in `directory`; the exit status and standard output.
    static func run(_ arguments: [String], in directory: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltProduct.path("bulwark", override: "BULWARK_EXECUTABLE"))
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("--dry-run prints a diff and writes nothing; a real run leaves no failed finding that has a fix")
    func desiredState() throws {
        let copy = try ScratchCopy(of: TestPaths.repository + "/desired-state/terraform")
        defer { copy.remove() }
        let before = try FixRun.scan(copy.path)
        let fixable = before.filter { $0.result.verdict == .failed && $0.result.check.fix != nil }
        #expect(fixable.contains { $0.result.checkID == "BLW-AWS-EC2-002" && $0.result.resourceAddress == "aws_instance.legacy_reporting" })
        let original = try copy.read("aws/main.tf")

        let dry = try Self.run(["fix", "--dry-run", "--checks-dir", TestPaths.checks, "--admin-cidr", "10.20.0.0/16", "."],
                               in: copy.path)
        #expect(dry.status == 0, "\(dry.output)")
        #expect(dry.output.contains("--- a/aws/main.tf\n+++ b/aws/main.tf\n"))
        #expect(dry.output.contains("-    http_tokens   = \"optional\"\n+    http_tokens   = \"required\"\n"))
        #expect(try copy.read("aws/main.tf") == original, "--dry-run must not write")

        let real = try Self.run(["fix", "--checks-dir", TestPaths.checks, "--admin-cidr", "10.20.0.0/16", "-f", "json", "."],
                                in: copy.path)
        #expect(real.status == 0, "\(real.output)")
        let json = try JSONSerialization.jsonObject(with: Data(real.output.utf8)) as? [String: Any]
        let fixed = json?["fixed"] as? [[String: Any]] ?? []
        #expect(fixed.count == fixable.count)
        #expect((json?["manual"] as? [Any])?.isEmpty == true)
        let after = try FixRun.scan(copy.path)
        let left = after.filter { $0.result.verdict == .failed && $0.result.check.fix != nil }
        #expect(left.isEmpty, "\(left.map { "\($0.result.checkID) \($0.result.resourceAddress)" })")
        #expect(after.filter { $0.result.verdict == .failed }.count == before.filter { $0.result.verdict == .failed }.count - fixable.count)
        try expectTerraformFormatted((json?["files"] as? [String] ?? []).map { copy.path + "/" + $0 })
    }

    @Test("manual fixes left over exit 1 with the reason; --check limits what is fixed")
    func manualExit() throws {
        let copy = try ScratchCopy(files: ["main.tf": """
            resource "aws_security_group_rule" "ssh" {
              type        = "ingress"
              from_port   = 22
              to_port     = 22
              protocol    = "tcp"
              cidr_blocks = ["0.0.0.0/0"]
            }

            resource "aws_kms_key" "k" {
              description = "k"
            }

            """])
        defer { copy.remove() }
        let limited = try Self.run(["fix", "--checks-dir", TestPaths.checks, "--check", "BLW-AWS-KMS-001", "."], in: copy.path)
        #expect(limited.status == 0, "\(limited.output)")
        #expect(try copy.read("main.tf").contains("enable_key_rotation = true"))
        #expect(try copy.read("main.tf").contains("[\"0.0.0.0/0\"]"))
        let all = try Self.run(["fix", "--checks-dir", TestPaths.checks, "."], in: copy.path)
        #expect(all.status == 1)
        #expect(all.output.contains("BLW-AWS-VPC-003 aws_security_group_rule.ssh"))
        #expect(all.output.contains("admin CIDR"))
    }

    @Test("a check library or path that does not load exits 2")
    func error() throws {
        let copy = try ScratchCopy(files: ["main.tf": "resource \"aws_kms_key\" \"k\" {\n}\n"])
        defer { copy.remove() }
        let result = try Self.run(["fix", "--checks-dir", copy.path + "/no-such-checks", "."], in: copy.path)
        #expect(result.status == 2)
        let broken = try Self.run(["fix", "--checks-dir", TestPaths.checks, "missing-dir"], in: copy.path)
        #expect(broken.status == 2)
    }
}
