import Checks
import Model
import Reports
import Testing

@testable import Scanner

/// Scans of successive commits reuse the findings of every root module whose files did not change, and a reused
/// report is the report a scan without the cache writes.
@Suite struct InputScanCacheTests {
    static let module = """
        variable "name" {
          type = string
        }

        resource "aws_s3_bucket" "this" {
          bucket = var.name
        }
        """

    static func stack(_ name: String) -> String {
        """
        module "bucket" {
          source = "../../modules/bucket"
          name   = "\(name)"
        }
        """
    }

    /// Three root modules: two call the shared module, one does not.
    static let commit1: [String: String] = [
        "stacks/a/main.tf": stack("a"),
        "stacks/b/main.tf": stack("b"),
        "stacks/c/main.tf": #"resource "aws_s3_bucket" "c" {}"#,
        "modules/bucket/main.tf": module,
    ]

    /// The scan of `files` as commit `commit` (each commit has its own root, as in the reconcile loop).
    static func scan(_ files: [String: String], commit: String, cache: InputScanCache?) throws -> ScanReport {
        let root = "/git/\(commit)"
        let tree = MemoryFileTree(root: root, files: files.mapValues { Array($0.utf8) })
        return try ScanRunner.run(
            paths: [root],
            options: fixtureOptions {
                $0.fileTree = tree
                $0.scanRoot = root
                $0.inputCache = cache
            })
    }

    /// The JSON report without its timing, which is what reuse must leave unchanged.
    static func json(_ report: ScanReport) -> String {
        var copy = report
        copy.durationSeconds = 0
        return JSONReport.render(copy)
    }

    /// Scans `files` with `cache` and without, expects the same report, returns what the cache did in that scan.
    static func step(
        _ files: [String: String], commit: String, cache: InputScanCache
    ) throws -> InputScanCache.Statistics {
        let before = cache.statistics
        let cached = try scan(files, commit: commit, cache: cache)
        let fresh = try scan(files, commit: commit, cache: nil)
        #expect(!fresh.findings.isEmpty)
        #expect(json(cached) == json(fresh))
        let after = cache.statistics
        return InputScanCache.Statistics(
            inputsEvaluated: after.inputsEvaluated - before.inputsEvaluated,
            inputsReused: after.inputsReused - before.inputsReused, filesRead: after.filesRead - before.filesRead)
    }

    @Test func unchangedCommitReusesEveryRootModule() throws {
        let cache = InputScanCache()
        let first = try Self.step(Self.commit1, commit: "c1", cache: cache)
        #expect(first.inputsEvaluated == 3)
        #expect(first.inputsReused == 0)
        #expect(first.filesRead >= 5)
        let second = try Self.step(Self.commit1, commit: "c2", cache: cache)
        #expect(second.inputsEvaluated == 0)
        #expect(second.inputsReused == 3)
        #expect(second.filesRead == 0)
    }

    @Test func aChangedFileEvaluatesOnlyTheRootModulesThatReadIt() throws {
        let cache = InputScanCache()
        _ = try Self.step(Self.commit1, commit: "c1", cache: cache)

        var ownFile = Self.commit1
        ownFile["stacks/c/main.tf"] = """
            resource "aws_s3_bucket" "c" {
              server_side_encryption_configuration {}
            }
            """
        let c = try Self.step(ownFile, commit: "c2", cache: cache)
        #expect(c.inputsEvaluated == 1)
        #expect(c.inputsReused == 2)

        var shared = ownFile
        shared["modules/bucket/main.tf"] = Self.module + "\n# changed\n"
        let module = try Self.step(shared, commit: "c3", cache: cache)
        #expect(module.inputsEvaluated == 2)
        #expect(module.inputsReused == 1)
    }

    @Test func aNewFileInARootModuleEvaluatesIt() throws {
        let cache = InputScanCache()
        _ = try Self.step(Self.commit1, commit: "c1", cache: cache)
        var added = Self.commit1
        added["stacks/a/extra.tf"] = #"resource "aws_s3_bucket" "extra" {}"#
        let step = try Self.step(added, commit: "c2", cache: cache)
        #expect(step.inputsEvaluated == 1)
        #expect(step.inputsReused == 2)
    }

    @Test func anotherDayOrCheckSelectionEvaluatesAgain() throws {
        let cache = InputScanCache()
        _ = try Self.step(Self.commit1, commit: "c1", cache: cache)
        let root = "/git/c2"
        let tree = MemoryFileTree(root: root, files: Self.commit1.mapValues { Array($0.utf8) })
        _ = try ScanRunner.run(
            paths: [root],
            options: fixtureOptions {
                $0.fileTree = tree
                $0.scanRoot = root
                $0.inputCache = cache
                $0.today = CalendarDate(year: 2026, month: 1, day: 2) ?? .today()
            })
        #expect(cache.statistics.inputsEvaluated == 6)
        #expect(cache.statistics.inputsReused == 0)
    }

    @Test func aBoundedCacheStartsOverInsteadOfGrowing() throws {
        let cache = InputScanCache(maxInputs: 2)
        _ = try Self.step(Self.commit1, commit: "c1", cache: cache)
        let second = try Self.step(Self.commit1, commit: "c2", cache: cache)
        #expect(second.inputsReused < 3)
        #expect(second.inputsEvaluated + second.inputsReused == 3)
    }
}
