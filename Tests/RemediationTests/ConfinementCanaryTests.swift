import Foundation
import TestSupport
import Testing

/// A hostile tree reads files planted outside it in every way it can (file functions, links, module sources, an
/// installed-module manifest); no output of `scan` (every format), `inspect` or `fix` may carry the planted token
/// or the planted files' location.
@Suite("read confinement canaries")
struct ConfinementCanaryTests {
    /// A tree inside a repository (`repo/.git`) with canaries planted beside it in `outside/`.
    struct Plant {
        let base: String
        let token: String
        var repo: String { base + "/repo" }
        var outside: String { base + "/outside" }

        init() throws {
            base = NSTemporaryDirectory() + "bulwark-canary-" + UUID().uuidString
            token = "CANARY" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
            let fm = FileManager.default
            for directory in ["repo/.git", "repo/stack/.terraform/modules", "outside/mod", "outside/dir/mod"] {
                try fm.createDirectory(atPath: base + "/" + directory, withIntermediateDirectories: true)
            }
            try write("outside/canary.txt", "\(token)\nsecond-\(token)\n")
            try write("outside/canary.tftpl", "template \(token)")
            try write("outside/canary.tf", "resource \"aws_s3_bucket\" \"leak\" {\n  bucket = \"\(token)\"\n}\n")
            let module =
                "resource \"aws_s3_bucket\" \"stolen\" {\n  bucket = \"\(token)\"\n}\noutput \"name\" {\n  value = \"\(token)\"\n}\n"
            try write("outside/mod/main.tf", module)
            try write("outside/dir/mod/main.tf", module)
            // The absolute location is assembled from pieces, so the source text itself never spells it out.
            let pieces = outside.split(separator: "/").map { "\"\($0)\"" }.joined(separator: ", ")
            try write(
                "repo/stack/main.tf",
                """
                locals {
                  out   = join("/", ["", \(pieces)])
                  lines = toset(split("\\n", file("${local.out}/canary.txt")))
                }

                resource "aws_s3_bucket" "lines" {
                  for_each = local.lines
                  bucket   = each.value
                }

                resource "aws_s3_object" "relative" {
                  bucket  = "b"
                  key     = "relative"
                  content = file("../../outside/canary.txt")
                }

                resource "aws_s3_object" "template" {
                  bucket  = "b"
                  key     = "template"
                  content = templatefile("${local.out}/canary.tftpl", {})
                }

                resource "aws_s3_object" "encoded" {
                  bucket         = "b"
                  key            = "encoded"
                  content_base64 = filebase64("${local.out}/canary.txt")
                  etag           = filemd5("${local.out}/canary.txt")
                }

                resource "aws_s3_object" "listed" {
                  for_each = fileset(local.out, "*")
                  bucket   = "b"
                  key      = each.value
                }

                resource "aws_s3_object" "rooted" {
                  for_each = fileset("/", "*")
                  bucket   = "b"
                  key      = each.value
                }

                resource "aws_s3_object" "exists" {
                  bucket  = "b"
                  key     = "exists"
                  content = fileexists("${local.out}/canary.txt") ? "yes" : "no"
                }

                module "outside" {
                  source = "../../outside/mod"
                }

                module "through_link" {
                  source = "./linked-dir/mod"
                }

                module "installed" {
                  source = "registry.example/acme/canary"
                }

                resource "aws_s3_bucket" "from_modules" {
                  bucket = module.outside.name
                  tags = {
                    link      = module.through_link.name
                    installed = module.installed.name
                  }
                }

                """)
            try write(
                "repo/stack/.terraform/modules/modules.json",
                "{\"Modules\":[{\"Key\":\"\",\"Dir\":\".\"},{\"Key\":\"installed\",\"Source\":\"registry.example/acme/canary\",\"Dir\":\"\(outside)/mod\"}]}"
            )
            try fm.createSymbolicLink(atPath: repo + "/stack/linked.tf", withDestinationPath: outside + "/canary.tf")
            try fm.createSymbolicLink(atPath: repo + "/stack/linked-dir", withDestinationPath: outside + "/dir")
            try fm.createSymbolicLink(atPath: repo + "/linked-root", withDestinationPath: outside + "/dir/mod")
        }

        func write(_ path: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: base + "/" + path))
        }

        func remove() { try? FileManager.default.removeItem(atPath: base) }

        /// Where `text` gives away a canary: the token, or the planted files' directory.
        func leaks(in text: String) -> [String] {
            [token, outside, "second-"].filter { text.contains($0) }
        }
    }

    /// Runs `bulwark` in `directory`; exit status and both output streams together.
    static func run(_ arguments: [String], in directory: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltProduct.path("bulwark", override: "BULWARK_EXECUTABLE"))
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-canary-out-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        let handle = try FileHandle(forWritingTo: out)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8))
    }

    @Test("scan in every format, inspect and fix print no canary", .timeLimit(.minutes(10)))
    func noOutputCarriesACanary() throws {
        let plant = try Plant()
        defer { plant.remove() }
        let reports = plant.base + "/reports"
        try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true)
        let formats = ["json", "sarif", "csv", "junit", "markdown"]
        let scan = try Self.run(
            ["scan", "--checks-dir", TestPaths.checks, "--soft-fail", "-o", "human", "."]
                + formats.flatMap { ["-o", "\($0):\(reports)/report.\($0)"] },
            in: plant.repo)
        #expect(scan.status == 0, "\(scan.output)")
        #expect(plant.leaks(in: scan.output).isEmpty, "human/stderr: \(scan.output)")
        for format in formats {
            let text = try String(contentsOfFile: "\(reports)/report.\(format)", encoding: .utf8)
            #expect(plant.leaks(in: text).isEmpty, "\(format): \(text)")
        }
        let json = try String(contentsOfFile: "\(reports)/report.json", encoding: .utf8)
        // The refusals are reported, naming the expression as written and where it is.
        #expect(json.contains("outside_read_roots"), "\(json)")
        #expect(json.contains(#"file(\"${local.out}/canary.txt\") reads outside"#), "\(json)")
        #expect(json.contains(#"Module \"outside\" (source \"../../outside/mod\") is not loaded"#), "\(json)")
        #expect(json.contains(#"Module \"installed\""#), "\(json)")
        #expect(json.contains("aws_s3_bucket.from_modules"))

        let inspect = try Self.run(["inspect", "--format", "json", "stack"], in: plant.repo)
        #expect(plant.leaks(in: inspect.output).isEmpty, "inspect: \(inspect.output)")
        #expect(inspect.output.contains("aws_s3_object.relative"))

        for arguments in [["fix", "--dry-run"], ["fix", "--dry-run", "-f", "json"], ["fix", "-f", "json"], ["fix"]] {
            let fix = try Self.run(arguments + ["--checks-dir", TestPaths.checks, "."], in: plant.repo)
            #expect(plant.leaks(in: fix.output).isEmpty, "\(arguments): \(fix.output)")
        }
        let after = try String(contentsOfFile: plant.outside + "/canary.tf", encoding: .utf8)
        #expect(after.hasPrefix("resource \"aws_s3_bucket\" \"leak\""), "fix must not touch the planted file")
    }

    @Test("--allow-read opens exactly the directories it names", .timeLimit(.minutes(10)))
    func allowReadWidensTheRoots() throws {
        let plant = try Plant()
        defer { plant.remove() }
        let inspect = try Self.run(["inspect", "--format", "json", "--allow-read", plant.outside, "stack"], in: plant.repo)
        #expect(inspect.output.contains(plant.token), "with --allow-read the file is read")
    }
}
