import Foundation
import Model
import Testing

@testable import HCL

/// Uses the real `terraform` binary as a syntax oracle: `terraform fmt -` reads a file on stdin
/// and exits 0 when it parses (whatever its formatting) and 2 with diagnostics when it does not.
@Suite("Parser: terraform oracle")
struct ParserOracleTests {
    /// `terraform` from PATH, or nil.
    static func terraformPath() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/terraform"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Whether terraform accepts the file's syntax, plus its stderr for failure messages.
    static func terraformAccepts(_ url: URL, terraform: String) throws -> (Bool, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: terraform)
        process.arguments = ["fmt", "-no-color", "-"]
        var environment = ProcessInfo.processInfo.environment
        environment["CHECKPOINT_DISABLE"] = "1"
        process.environment = environment
        process.standardInput = try FileHandle(forReadingFrom: url)
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let status = process.terminationStatus
        if status != 0 && status != 2 {
            throw OracleFailure(message: "terraform fmt exited with \(status) on \(url.lastPathComponent): \(stderr)")
        }
        return (status == 0, stderr)
    }

    struct OracleFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    @Test("terraform accepts a fixture exactly when our parser does")
    func oracleAgreesOnEveryFixture() async throws {
        let terraform = try #require(
            Self.terraformPath(), "terraform (v1.11) must be on PATH for the syntax oracle test; install it or fix PATH")
        let files = try fixtureFiles("valid") + fixtureFiles("invalid")
        #expect(files.count >= 40)
        try await withThrowingTaskGroup(of: (URL, Bool, String).self) { group in
            var pending = files[...]
            func launch() {
                guard let url = pending.popFirst() else { return }
                group.addTask {
                    let (ok, stderr) = try Self.terraformAccepts(url, terraform: terraform)
                    return (url, ok, stderr)
                }
            }
            for _ in 0..<4 { launch() }
            while let (url, terraformOK, stderr) = try await group.next() {
                launch()
                let ours = HCLParser.parseFile(atPath: url.path, displayName: url.lastPathComponent)
                #expect(
                    terraformOK == ours.isValid,
                    "\(url.deletingLastPathComponent().lastPathComponent)/\(url.lastPathComponent): terraform \(terraformOK ? "accepts" : "rejects"), we \(ours.isValid ? "accept" : "reject"). terraform: \(stderr.suffix(400)) ours: \(ours.diagnostics.map(\.description))"
                )
                let expectedValid = url.deletingLastPathComponent().lastPathComponent == "valid"
                #expect(terraformOK == expectedValid, "\(url.lastPathComponent) is in the wrong fixture directory")
            }
        }
    }
}
