import Foundation
import Model
import Terraform
import Testing

/// `bulwark parse` walks directories as `scan` does: links to directories are not followed, so links back up the
/// tree can neither loop nor multiply the files parsed.
@Suite struct SyntaxCheckWalkTests {
    @Test("two links to . parse each real file once, in bounded time")
    func linksToTheDirectoryItself() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-parse-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: base + "/tree/sub", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: base + "/outside", withIntermediateDirectories: true)
        try Data(#"resource "a" "b" {}"#.utf8).write(to: URL(fileURLWithPath: base + "/tree/main.tf"))
        try Data("x = 1\n".utf8).write(to: URL(fileURLWithPath: base + "/tree/sub/terraform.tfvars"))
        try Data("broken {".utf8).write(to: URL(fileURLWithPath: base + "/outside/bad.tf"))
        for name in ["a", "b", "sub/c"] {
            try fm.createSymbolicLink(atPath: base + "/tree/" + name, withDestinationPath: ".")
        }
        try fm.createSymbolicLink(atPath: base + "/tree/out", withDestinationPath: base + "/outside")
        let started = Date()
        let result = SyntaxCheck.run([base + "/tree"])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(result.files.map(\.filename).sorted() == [base + "/tree/main.tf", base + "/tree/sub/terraform.tfvars"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }
}
