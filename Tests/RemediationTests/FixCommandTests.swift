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

        let dry = try Self.run(
            ["fix", "--dry-run", "--checks-dir", TestPaths.checks, "--admin-cidr", "10.20.0.0/16", "."],
            in: copy.path)
        #expect(dry.status == 0, "\(dry.output)")
        #expect(dry.output.contains("--- a/aws/main.tf\n+++ b/aws/main.tf\n"))
        #expect(dry.output.contains("-    http_tokens   = \"optional\"\n+    http_tokens   = \"required\"\n"))
        #expect(try copy.read("aws/main.tf") == original, "--dry-run must not write")

        let real = try Self.run(
            ["fix", "--checks-dir", TestPaths.checks, "--admin-cidr", "10.20.0.0/16", "-f", "json", "."],
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
        let copy = try ScratchCopy(files: [
            "main.tf": """
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

            """
        ])
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

    @Test("files that do not load are listed with file:line:column and exit 3; the files that load are fixed")
    func loadErrorsLeaveTheRestFixable() throws {
        let broken = "resource \"aws_kms_key\" \"broken\" {\n  description = \n}\n"
        let policy = """
            resource "aws_iam_policy" "p" {
              name   = "p"
              policy = jsonencode({ Version = })
            }

            """
        let copy = try ScratchCopy(files: [
            "main.tf": "resource \"aws_kms_key\" \"k\" {\n  description = \"k\"\n}\n",
            "broken.tf": broken,
            "policy.tf": policy,
        ])
        defer { copy.remove() }
        let text = try Self.run(["fix", "--checks-dir", TestPaths.checks, "--check", "BLW-AWS-KMS-001", "."], in: copy.path)
        #expect(text.status == 3, "\(text.output)")
        #expect(try copy.read("main.tf").contains("enable_key_rotation = true"))
        #expect(try copy.read("broken.tf") == broken)
        #expect(try copy.read("policy.tf") == policy)
        #expect(text.output.contains("Fixed 1 finding(s) in 1 file(s)."), "\(text.output)")
        #expect(text.output.contains("Not loaded, so not fixed"), "\(text.output)")
        #expect(text.output.contains("  broken.tf:2:"), "\(text.output)")
        #expect(text.output.contains("  policy.tf:3:"), "\(text.output)")

        // Nothing left to fix: the load errors alone still exit 3, and JSON lists them with their positions.
        let json = try Self.run(
            ["fix", "--checks-dir", TestPaths.checks, "--check", "BLW-AWS-KMS-001", "-f", "json", "."],
            in: copy.path)
        #expect(json.status == 3, "\(json.output)")
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        let notLoaded = object?["notLoaded"] as? [[String: Any]] ?? []
        #expect(Set(notLoaded.compactMap { $0["file"] as? String }) == ["broken.tf", "policy.tf"], "\(json.output)")
        #expect(notLoaded.allSatisfy { ($0["line"] as? Int ?? 0) >= 1 && ($0["column"] as? Int ?? 0) >= 1 })
        #expect((object?["fixed"] as? [Any])?.isEmpty == true)
    }

    @Test("-f json prints byte for byte what Foundation's sorted, pretty-printed JSONSerialization prints")
    func jsonFormat() throws {
        // Everything a document can hold: a diff with quotes, backslashes, tabs and non-ASCII text, a fix, a manual
        // fix with its location, a file that does not load, slashes in paths, numbers of both kinds.
        let copy = try ScratchCopy(files: [
            "dir é/main.tf": """
            # \tquoted "text" \\ é€😀
            resource "aws_kms_key" "k" {
            \tdescription = "a \\"q\\" \\\\ b / é"
            }

            resource "aws_security_group_rule" "ssh" {
              type        = "ingress"
              from_port   = 22
              to_port     = 22
              protocol    = "tcp"
              cidr_blocks = ["0.0.0.0/0"]
            }

            """,
            "dir é/broken.tf": "resource \"aws_kms_key\" \"broken\" {\n  description = \n}\n",
        ])
        defer { copy.remove() }
        let run = try Self.run(["fix", "--checks-dir", TestPaths.checks, "--dry-run", "-f", "json", "."], in: copy.path)
        #expect(run.status == 3, "\(run.output)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect((object["fixed"] as? [Any])?.isEmpty == false, "\(run.output)")
        #expect((object["manual"] as? [[String: Any]])?.first?["column"] != nil, "\(run.output)")
        #expect((object["notLoaded"] as? [Any])?.isEmpty == false, "\(run.output)")
        #expect((object["diff"] as? String)?.contains("\t") == true, "\(run.output)")
        let foundation = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
        #expect(run.output == String(decoding: foundation, as: UTF8.self) + "\n")
    }

    @Test("a corrupt file in one module directory (modules.json) does not keep the other directories from being fixed")
    func oneBadFileDoesNotBlockTheRest() throws {
        let copy = try ScratchCopy(files: [
            "a/main.tf": "resource \"aws_kms_key\" \"a\" {\n  description = \"a\"\n}\n",
            "b/main.tf": "resource \"aws_kms_key\" \"b\" {\n  description = \"b\"\n}\n",
            "b/.terraform/modules/modules.json": "{broken",
        ])
        defer { copy.remove() }
        let result = try Self.run(["fix", "--checks-dir", TestPaths.checks, "--check", "BLW-AWS-KMS-001", "."], in: copy.path)
        #expect(result.status == 3, "\(result.output)")
        #expect(try copy.read("a/main.tf").contains("enable_key_rotation = true"))
        #expect(result.output.contains("b/.terraform/modules/modules.json:1:"), "\(result.output)")
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
