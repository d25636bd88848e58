import Checks
import Foundation
import Model
import Reports
import Testing

@testable import Scanner

/// A scan of a `MemoryFileTree` must report what a scan of the same files on the disk reports: the same
/// findings at the same relative files and lines, the same suppressions, the same diagnostics.
@Suite struct MemoryScanTests {
    /// Not on the disk, so anything the scan still read from the disk would go missing.
    static let snapshotRoot = "/bulwark-scan-snapshot-not-on-disk"

    /// The whole fixture directory (tree, state, …) in memory under `snapshotRoot`.
    static func snapshot() throws -> MemoryFileTree {
        let base = ScanPaths.absolute(fixturePath(""))
        var files: [String: [UInt8]] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: base))
        while let name = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: base + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            files[name] = Array(try #require(FileManager.default.contents(atPath: base + "/" + name)))
        }
        return MemoryFileTree(root: snapshotRoot, files: files)
    }

    /// What a finding says, without the check definition.
    struct Seen: Hashable {
        var check: String
        var resource: String
        var verdict: Verdict
        var location: FindingLocation?
        var input: String
        var fingerprint: Fingerprint
    }

    static func seen(_ report: ScanReport) -> [Seen] {
        report.findings.map { f in
            Seen(
                check: f.result.checkID, resource: f.result.resourceAddress, verdict: f.result.verdict,
                location: f.location, input: f.input, fingerprint: f.fingerprint)
        }.sorted { "\($0)" < "\($1)" }
    }

    /// Scans `relative` (under the fixture directory) with the scan root at `root` (also relative), from the disk
    /// and from the snapshot. The check library stays on the disk in both.
    static func both(_ relative: [String], root: String) throws -> (disk: ScanReport, memory: ScanReport) {
        let disk = try ScanRunner.run(
            paths: relative.map { fixturePath($0) }, options: fixtureOptions { $0.scanRoot = fixturePath(root) })
        let tree = try snapshot()
        let memory = try ScanRunner.run(
            paths: relative.map { snapshotRoot + "/" + $0 },
            options: fixtureOptions {
                $0.fileTree = tree
                $0.scanRoot = snapshotRoot + "/" + root
            })
        return (disk, memory)
    }

    static func expectSame(_ reports: (disk: ScanReport, memory: ScanReport)) {
        #expect(!reports.disk.findings.isEmpty || !reports.disk.diagnostics.isEmpty)
        #expect(seen(reports.memory) == seen(reports.disk))
        let diskRoot = ScanPaths.absolute(fixturePath(""))
        let diskDiagnostics = reports.disk.diagnostics.map { d in
            var copy = d
            copy.message = d.message.replacingOccurrences(of: diskRoot, with: snapshotRoot)
            copy.file = d.file.map { $0.replacingOccurrences(of: diskRoot, with: snapshotRoot) }
            return copy
        }
        #expect(Set(reports.memory.diagnostics) == Set(diskDiagnostics))
        #expect(reports.memory.resourceCount == reports.disk.resourceCount)
    }

    @Test func theFixtureTreeScansTheSameFromMemory() throws {
        let reports = try Self.both(["tree"], root: "tree")
        Self.expectSame(reports)
        // Inline suppression comments were read from the snapshot's source text.
        let skipped = try #require(reports.memory.finding("BLW-AWS-TST-001", "aws_s3_bucket.skipped_bulwark"))
        guard case .skipped = skipped.result.verdict else {
            Issue.record("expected the inline bulwark:skip to apply, got \(skipped.result.verdict)")
            return
        }
        #expect(skipped.location?.file == "legacy/main.tf")
        #expect(skipped.location?.startLine == 2)
        // The root module with a local child module is one input; the child is not scanned on its own.
        #expect(Set(reports.memory.findings.map(\.input)) == ["app", "legacy"])
    }

    @Test func aSingleFileAStateFileAndAMissingPathScanTheSameFromMemory() throws {
        Self.expectSame(try Self.both(["tree/legacy/main.tf", "state/terraform.tfstate", "tree/nope"], root: ""))
        let reports = try Self.both(["tree/nope"], root: "")
        #expect(reports.memory.loadErrors.map(\.code) == ["io"])
    }

    @Test func relativeInputPathsResolveAgainstTheSnapshotRoot() throws {
        let tree = try Self.snapshot()
        let report = try ScanRunner.run(
            paths: ["tree/app"],
            options: fixtureOptions {
                $0.fileTree = tree
                $0.scanRoot = "."
            })
        #expect(!report.findings.isEmpty)
        #expect(report.loadErrors.isEmpty, "\(report.loadErrors)")
        #expect(report.findings.allSatisfy { $0.location?.file.hasPrefix("tree/app/") == true })
    }

    @Test func rootModulesAreFoundInTheSnapshot() throws {
        let tree = try Self.snapshot()
        let roots = RootModuleFinder.find(in: Self.snapshotRoot + "/tree", tree: tree)
        #expect(roots == [Self.snapshotRoot + "/tree/app", Self.snapshotRoot + "/tree/legacy"])
    }
}
