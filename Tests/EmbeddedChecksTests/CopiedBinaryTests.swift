import Foundation
import TestSupport
import Testing

/// The built `bulwark` copied alone into an empty directory (no `checks/` in it or above it) runs the library
/// built into it: the same checks, the same scan of the bundled example, as the repository's `checks/` gives.
@Suite(.serialized) struct CopiedBinaryTests {
    let directory: TemporaryDirectory
    let binary: String
    let example: String

    init() throws {
        directory = try TemporaryDirectory(prefix: "bulwark-copied")
        binary = directory.path + "/bin/bulwark"
        example = directory.path + "/terraform"
        try FileManager.default.createDirectory(atPath: directory.path + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: try BuiltProduct.path("bulwark", override: "BULWARK_EXECUTABLE"), toPath: binary)
        try FileManager.default.copyItem(atPath: Self.repository + "/desired-state/terraform", toPath: example)
    }

    /// The repository root (Tests/EmbeddedChecksTests/… → ..).
    static var repository: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// Runs the copy from inside the empty directory, with no library named in the environment.
    /// A copy just written can be "Text file busy" for a moment: a process another test forks meanwhile inherits
    /// the copy's open descriptor until it execs. Such a start is tried again; nothing of the binary ran.
    func copied(_ arguments: [String]) async throws -> Subprocess.Outcome {
        let script = "cd \"$0\" && exec \"$@\""
        var attempt = 0
        while true {
            let outcome = try await Subprocess(
                "/bin/sh", ["-c", script, directory.path, binary] + arguments, environment: ["BULWARK_CHECKS_DIR": ""]
            ).wait()
            attempt += 1
            guard outcome.exitCode == 126, outcome.output.contains("Text file busy"), attempt < 10 else { return outcome }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    @Test func noLibraryLiesAroundTheCopy() {
        var dir = directory.path
        while dir != "/" {
            #expect(!FileManager.default.fileExists(atPath: dir + "/checks"), "\(dir)/checks exists")
            dir = (dir as NSString).deletingLastPathComponent
        }
    }

    @Test func checksListMatchesTheRepositoryLibrary() async throws {
        let builtIn = try await copied(["checks", "list"])
        let repository = try await copied(["checks", "list", "--checks-dir", Self.repository + "/checks"])
        #expect(builtIn.exitCode == 0)
        #expect(builtIn.output == repository.output)
        #expect(builtIn.output.hasSuffix(" checks\n") && builtIn.output.split(separator: "\n").count > 400)
    }

    @Test func theScanOfTheExampleMatchesTheRepositoryLibrary() async throws {
        let builtIn = try await copied(["scan", example, "-o", "json"])
        let repository = try await copied(["scan", example, "-o", "json", "--checks-dir", Self.repository + "/checks"])
        #expect(builtIn.exitCode == repository.exitCode)
        #expect(builtIn.exitCode == 1, "the example has findings on purpose: \(builtIn.output.suffix(2000))")
        // Everything but the wall time: findings, compliance, diagnostics.
        let timeless = { (text: String) in text.split(separator: "\n").filter { !$0.contains("\"duration_seconds\"") } }
        #expect(timeless(builtIn.output) == timeless(repository.output))
        #expect(builtIn.output.contains("BLW-AWS-"))
    }

    @Test func aDirectoryGivenReplacesTheBuiltInLibrary() async throws {
        let empty = directory.path + "/other-checks/aws"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        try Data("id: [unclosed\n".utf8).write(to: URL(fileURLWithPath: empty + "/broken.yaml"))
        let listed = try await copied(["checks", "list", "--checks-dir", directory.path + "/other-checks"])
        #expect(listed.exitCode == 2)
        #expect(listed.output.contains("0 checks"))
        #expect(listed.output.contains("other-checks/aws/broken.yaml"))
    }

    @Test func checksShowPrintsTheBuiltInFile() async throws {
        let shown = try await copied(["checks", "show", "CKV_AWS_20"])
        #expect(shown.exitCode == 0)
        let defined = try #require(shown.output.split(separator: "\n").first { $0.hasPrefix("Defined in ") })
        let relative = defined.dropFirst("Defined in (built-in)/".count).dropLast()
        #expect(defined.hasPrefix("Defined in (built-in)/aws/"))
        let file = try String(contentsOfFile: Self.repository + "/checks/" + relative, encoding: .utf8)
        #expect(shown.output.hasSuffix(file))
    }

    @Test func versionNamesTheBuiltInLibrary() async throws {
        let version = try await copied(["--version"])
        #expect(version.exitCode == 0)
        #expect(version.output.contains("built-in checks: "))
        #expect(version.output.contains(" files, fnv1a64 "))
    }
}
