import Checks
import Foundation
import Model
import Reports
import Scanner
import TestSupport
import Testing

@testable import Remediation

/// Paths the tests read: the repository's check library and the bundled fixtures.
enum TestPaths {
    /// The repository root (three levels above this file).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    /// The real check library, so fixes are tested against the checks they ship with.
    static let checks = repository + "/checks"

    /// A bundled fixture.
    static func fixture(_ relative: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw TestFailure("the Fixtures resource is missing from the test bundle")
        }
        return url.appendingPathComponent(relative).path
    }
}

/// A scratch copy of a fixture directory (or of any directory), removed by `remove()`.
struct ScratchCopy {
    let path: String

    /// Copies `source` into a fresh temporary directory.
    init(of source: String) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-fix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let target = base.appendingPathComponent("tree")
        try FileManager.default.copyItem(atPath: source, toPath: target.path)
        path = target.path
    }

    /// A scratch directory holding `files` (relative path → text).
    init(files: [String: String]) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-fix-\(UUID().uuidString)/tree")
        for (name, text) in files {
            let url = base.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        path = base.path
    }

    /// The text of a file in the copy.
    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }

    /// Deletes the copy.
    func remove() {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }
}

/// Scan → plan → write → re-scan, the way `bulwark fix` runs, over a directory on disk.
struct FixRun {
    var plan: FixPlan
    var before: [Finding]
    var after: [Finding]

    /// Failed findings of the re-scan.
    var stillFailing: [Finding] { after.filter { $0.result.verdict == .failed } }

    /// Runs the checks `checks` (all when empty) over `directory`, fixes, writes (unless `write` is false), re-scans.
    static func run(
        in directory: String, checks: [String] = [], adminCIDR: String? = nil, paths: [String]? = nil,
        write: Bool = true
    ) throws -> FixRun {
        let before = try scan(directory, checks: checks, paths: paths)
        let targets = before.compactMap { finding -> FixTarget? in
            guard finding.result.verdict == .failed, let location = finding.location else { return nil }
            var result = finding.result
            result.range?.file = ScanPaths.absolute(location.file, base: directory)
            return FixTarget(result: result, rootDirectory: ScanPaths.absolute(finding.input, base: directory))
        }
        let planner = IaCFixPlanner(context: FixContext(adminCIDR: adminCIDR, searchRoots: [directory]))
        let plan = planner.plan(targets: targets, in: DiskFileTree(), checkIDs: nil)
        if write {
            for edit in plan.edits { try Data(edit.updated.utf8).write(to: URL(fileURLWithPath: edit.path)) }
        }
        return FixRun(plan: plan, before: before, after: try scan(directory, checks: checks, paths: paths))
    }

    /// The findings of a scan of `directory` with the real check library.
    static func scan(_ directory: String, checks: [String] = [], paths: [String]? = nil) throws -> [Finding] {
        var options = ScanOptions()
        options.library = CheckLibrary.load(directory: TestPaths.checks)
        options.scanRoot = directory
        options.filter = CheckFilter(include: checks, exclude: [])
        let report = try ScanRunner.run(paths: (paths ?? ["."]).map { directory + "/" + $0 }, options: options)
        let errors = report.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw TestFailure("scan errors: \(errors.map(\.message))") }
        return report.findings
    }
}

/// `terraform fmt -check` on each file: the formatting oracle. Fails (never skips) when terraform is missing.
func expectTerraformFormatted(_ files: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    guard let terraform = findExecutable("terraform") else {
        throw TestFailure("terraform is not on PATH; the fmt oracle needs terraform 1.11 (apt/HashiCorp release)")
    }
    for file in files {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: terraform)
        process.arguments = ["fmt", "-check", "-diff", "-no-color", file]
        var environment = ProcessInfo.processInfo.environment
        environment["TF_CLI_CONFIG_FILE"] = "/dev/null"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(
            process.terminationStatus == 0,
            "terraform fmt -check rejects \(file):\n\(String(decoding: data, as: UTF8.self))", sourceLocation: sourceLocation)
    }
}

/// The full path of `name` on PATH.
func findExecutable(_ name: String) -> String? {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
        let candidate = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}
