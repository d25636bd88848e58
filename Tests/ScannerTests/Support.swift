import Checks
import Foundation
import Reports

@testable import Scanner

/// The path of a fixture copied into the test bundle.
func fixturePath(_ relative: String) -> String {
    guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { return relative }
    return url.appendingPathComponent(relative).path
}

/// A fixed day after every expiry written in the fixtures (2020) and before none that should hold.
let fixtureToday = CalendarDate(year: 2026, month: 1, day: 1) ?? .today()

/// Options for scanning the fixture tree with the fixture check library, paths relative to the tree.
func fixtureOptions(_ configure: (inout ScanOptions) -> Void = { _ in }) -> ScanOptions {
    var options = ScanOptions()
    options.library = CheckLibrary.load(directory: fixturePath("checks"))
    options.scanRoot = fixturePath("tree")
    options.today = fixtureToday
    configure(&options)
    return options
}

/// Scans the fixture tree (or `paths` in it).
func scanFixture(_ paths: [String] = ["tree"], _ configure: (inout ScanOptions) -> Void = { _ in }) throws -> ScanReport {
    try ScanRunner.run(paths: paths.map(fixturePath), options: fixtureOptions(configure))
}

extension ScanReport {
    /// The finding of `check` on `resource`, if any.
    func finding(_ check: String, _ resource: String) -> Finding? {
        findings.first { $0.result.checkID == check && $0.result.resourceAddress == resource }
    }

    /// IDs of the checks with at least one finding.
    var checkIDs: Set<String> { Set(findings.map(\.result.checkID)) }
}

/// Writes `files` (relative path → text) into a fresh temporary directory and returns its path.
func temporaryDirectory(_ files: [String: String]) throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("scanner-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for (path, text) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return ScanPaths.absolute(root.path)
}
