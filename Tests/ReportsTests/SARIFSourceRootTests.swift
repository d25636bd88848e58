import Foundation
import Testing

@testable import Reports

/// SARIF URIs are relative to the repository root whatever path was scanned and from where.
@Suite struct SARIFSourceRootTests {
    /// A scratch tree `<tmp>/repo/infra/main.tf`, with `repo/.git` when `git` is set.
    struct Tree {
        let top: String
        var repo: String { top + "/repo" }
        var infra: String { repo + "/infra" }

        init(git: Bool) throws {
            top = (NSTemporaryDirectory() as NSString).appendingPathComponent("sarif-root-\(UUID().uuidString)")
            let fm = FileManager.default
            try fm.createDirectory(atPath: top + "/repo/infra", withIntermediateDirectories: true)
            if git { try fm.createDirectory(atPath: top + "/repo/.git", withIntermediateDirectories: true) }
            try Data("resource \"aws_s3_bucket\" \"b\" {}\n".utf8).write(to: URL(fileURLWithPath: top + "/repo/infra/main.tf"))
        }

        func remove() { try? FileManager.default.removeItem(atPath: top) }
    }

    func report(file: String) -> ScanReport {
        let check = makeCheck("BLW-AWS-S3-001", .high, title: "S3 bucket is private")
        return ScanReport(findings: [makeFinding(check, "aws_s3_bucket.b", .failed, file: file, line: 1)])
    }

    /// The run's `%SRCROOT%` and every artifact location of its results.
    func locations(_ sarif: String) throws -> (base: String?, artifacts: [[String: Any]]) {
        let runs = try #require(try parseJSON(sarif)["runs"] as? [[String: Any]])
        let run = try #require(runs.first)
        let base = ((run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any])?["uri"] as? String
        let results = try #require(run["results"] as? [[String: Any]])
        let artifacts = results.compactMap {
            ((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])?["artifactLocation"] as? [String: Any]
        }
        return (base, artifacts)
    }

    @Test func anAbsoluteScanPathInsideARepositoryIsRelativeToTheRepositoryRoot() throws {
        let tree = try Tree(git: true)
        defer { tree.remove() }
        // Scanning the absolute path from an unrelated working directory: the report holds absolute paths.
        let root = SARIFSourceRoot.locate(scanning: tree.infra)
        #expect(root == tree.repo)
        let sarif = SARIFReport.render(report(file: tree.infra + "/main.tf"), scanRoot: "/somewhere/else", sourceRoot: root)
        let (base, artifacts) = try locations(sarif)
        #expect(base == "file://" + tree.repo + "/")
        #expect(artifacts.count == 1)
        #expect(artifacts.first?["uri"] as? String == "infra/main.tf")
        #expect(artifacts.first?["uriBaseId"] as? String == "%SRCROOT%")
        #expect(!sarif.contains("file://" + tree.infra))
    }

    @Test func aRelativeScanPathFromASubdirectoryIsRelativeToTheRepositoryRoot() throws {
        let tree = try Tree(git: true)
        defer { tree.remove() }
        // `cd repo/infra && bulwark scan .`: paths are relative to the working directory.
        let root = SARIFSourceRoot.locate(scanning: tree.infra + "/.")
        let sarif = SARIFReport.render(report(file: "main.tf"), scanRoot: tree.infra, sourceRoot: root)
        let (base, artifacts) = try locations(sarif)
        #expect(base == "file://" + tree.repo + "/")
        #expect(artifacts.first?["uri"] as? String == "infra/main.tf")
        #expect(artifacts.first?["uriBaseId"] as? String == "%SRCROOT%")
    }

    @Test func outsideARepositoryTheScannedDirectoryIsTheRoot() throws {
        let tree = try Tree(git: false)
        defer { tree.remove() }
        // Stops at the filesystem root without a `.git` entry on the way (the temporary directory has none).
        let root = SARIFSourceRoot.locate(
            scanning: tree.infra, hasGitEntry: { $0.hasPrefix(tree.top) && FileManager.default.fileExists(atPath: $0 + "/.git") })
        #expect(root == tree.infra)
        let sarif = SARIFReport.render(report(file: tree.infra + "/main.tf"), scanRoot: "/", sourceRoot: root)
        let (base, artifacts) = try locations(sarif)
        #expect(base == "file://" + tree.infra + "/")
        #expect(artifacts.first?["uri"] as? String == "main.tf")
        #expect(artifacts.first?["uriBaseId"] as? String == "%SRCROOT%")
    }

    @Test func aScannedFileStartsTheSearchAtItsDirectory() throws {
        let tree = try Tree(git: true)
        defer { tree.remove() }
        #expect(SARIFSourceRoot.locate(scanning: tree.infra + "/main.tf") == tree.repo)
        let noGit = try Tree(git: false)
        defer { noGit.remove() }
        let root = SARIFSourceRoot.locate(scanning: noGit.infra + "/main.tf", hasGitEntry: { _ in false })
        #expect(root == noGit.infra)
    }

    @Test func filesOutsideTheRootStayAbsolute() throws {
        let sarif = SARIFReport.render(report(file: "/etc/shared/main.tf"), scanRoot: "/work/repo", sourceRoot: "/work/repo")
        let (_, artifacts) = try locations(sarif)
        #expect(artifacts.first?["uri"] as? String == "file:///etc/shared/main.tf")
        #expect(artifacts.first?["uriBaseId"] == nil)
    }
}
