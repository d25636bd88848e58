import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// How `bulwark fix` writes: through symbolic links inside the scanned directory, never to a file outside it,
/// keeping mode bits; a file it cannot write does not keep the others from being fixed; errors carry
/// FILE:LINE:COLUMN.
@Suite("bulwark fix writes")
struct FixWriteTests {
    static let volume = "resource \"aws_ebs_volume\" \"v\" {\n  size = 10\n}\n"

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    @Test("a symbolic link to a file in the tree: the link stays, the file it names is fixed and verified")
    func symlinkInsideTree() throws {
        let copy = try ScratchCopy(files: ["shared/volume.hcl": Self.volume])
        defer { copy.remove() }
        #expect(symlink("shared/volume.hcl", copy.path + "/main.tf") == 0)
        let result = try FixCommandTests.run(["fix", "--checks-dir", TestPaths.checks, "--check", "BLW-AWS-EC2-003", "."], in: copy.path)
        #expect(result.status == 0, "\(result.output)")
        #expect(Self.isLink(copy.path + "/main.tf"))
        #expect(try copy.read("shared/volume.hcl").contains("encrypted = true"))
    }

    @Test("a 0600 file keeps 0600 after the fix")
    func modeKept() throws {
        let copy = try ScratchCopy(files: ["main.tf": Self.volume])
        defer { copy.remove() }
        #expect(chmod(copy.path + "/main.tf", 0o600) == 0)
        let result = try FixCommandTests.run(["fix", "--checks-dir", TestPaths.checks, "--check", "BLW-AWS-EC2-003", "."], in: copy.path)
        #expect(result.status == 0, "\(result.output)")
        #expect(try copy.read("main.tf").contains("encrypted = true"))
        #expect(Self.mode(copy.path + "/main.tf") == 0o600)
    }

    @Test("a link to a file outside the scanned directory is not written; the other files are, and exit 2 names it")
    func symlinkOutsideTreeRefused() throws {
        let copy = try ScratchCopy(files: ["main.tf": Self.volume.replacingOccurrences(of: "\"v\"", with: "\"inside\"")])
        defer { copy.remove() }
        let outside = (copy.path as NSString).deletingLastPathComponent + "/outside.tf"
        try Self.volume.write(toFile: outside, atomically: false, encoding: .utf8)
        #expect(symlink(outside, copy.path + "/linked.tf") == 0)
        let result = try FixCommandTests.run(
            ["fix", "--checks-dir", TestPaths.checks, "--check", "BLW-AWS-EC2-003", "main.tf", "linked.tf"], in: copy.path)
        #expect(result.status == 2, "\(result.output)")
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == Self.volume)
        #expect(Self.isLink(copy.path + "/linked.tf"))
        #expect(try copy.read("main.tf").contains("encrypted = true"))
        #expect(result.output.contains("Not written (the other files were): 1."), "\(result.output)")
        #expect(result.output.contains("outside.tf:2:"), "\(result.output)")
        #expect(result.output.contains("outside the scanned directories"), "\(result.output)")
    }

    @Test("a fix in a file that is not written is not counted as fixed")
    func unwrittenNotCounted() throws {
        let copy = try ScratchCopy(files: ["main.tf": Self.volume.replacingOccurrences(of: "\"v\"", with: "\"inside\"")])
        defer { copy.remove() }
        let outside = (copy.path as NSString).deletingLastPathComponent + "/outside-count.tf"
        try Self.volume.write(toFile: outside, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        #expect(symlink(outside, copy.path + "/linked.tf") == 0)
        let result = try FixCommandTests.run(
            ["fix", "--checks-dir", TestPaths.checks, "--check", "BLW-AWS-EC2-003", "main.tf", "linked.tf"], in: copy.path)
        #expect(result.status == 2, "\(result.output)")
        #expect(result.output.contains("Fixed 1 finding(s) in 1 file(s)."), "\(result.output)")
        #expect(result.output.contains("Left to fix by hand: 1."), "\(result.output)")
        #expect(result.output.contains("aws_ebs_volume.v: its fix was planned but"), "\(result.output)")
        #expect(result.output.contains("outside-count.tf could not be written"), "\(result.output)")
    }

    @Test("a fix left manual names FILE:LINE:COLUMN in text and JSON")
    func manualHasColumn() throws {
        let copy = try ScratchCopy(files: [
            "main.tf": """
            variable "on" {
              default = false
            }

            resource "aws_ebs_volume" "v" {
              size                 = 10
              encrypted            = var.on
              multi_attach_enabled = var.on
            }

            """
        ])
        defer { copy.remove() }
        let text = try FixCommandTests.run(["fix", "--checks-dir", TestPaths.checks, "--check", "BLW-AWS-EC2-003", "."], in: copy.path)
        #expect(text.status == 1, "\(text.output)")
        #expect(text.output.contains(try Regex(#"aws_ebs_volume\.v \(main\.tf:\d+:\d+\): "#)), "\(text.output)")
        let json = try FixCommandTests.run(
            ["fix", "--checks-dir", TestPaths.checks, "--check", "BLW-AWS-EC2-003", "-f", "json", "."], in: copy.path)
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        let manual = object?["manual"] as? [[String: Any]] ?? []
        #expect(
            manual.count == 1 && manual.allSatisfy { ($0["line"] as? Int ?? 0) >= 1 && ($0["column"] as? Int ?? 0) >= 1 }, "\(json.output)")
    }
}
