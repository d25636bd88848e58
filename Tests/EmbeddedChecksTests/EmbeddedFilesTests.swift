import EmbeddedChecks
import Foundation
import Scanner
import Testing

/// The library compiled into the binary is exactly `checks/` as it is now, and loads cleanly.
@Suite struct EmbeddedFilesTests {
    /// The project's check library (Tests/EmbeddedChecksTests/… → checks/).
    static var checksDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("checks").path
    }

    /// Every non-hidden file under `checks/` with its text, sorted by relative path.
    static func filesOnDisk() throws -> [(path: String, contents: String)] {
        try FileManager.default.subpathsOfDirectory(atPath: checksDirectory).sorted().compactMap { relative in
            let full = checksDirectory + "/" + relative
            var isDirectory: ObjCBool = false
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue
            else { return nil }
            return (relative, try String(contentsOfFile: full, encoding: .utf8))
        }
    }

    /// FNV-1a 64 as the generator computes it, to check the hash it wrote.
    static func fnv1a64(_ files: [(path: String, contents: String)]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for file in files {
            for byte in Array(file.path.utf8) + [0] + Array(file.contents.utf8) + [0] {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    @Test func theEmbeddedFilesAreTheChecksDirectory() throws {
        let disk = try Self.filesOnDisk()
        let embedded = EmbeddedCheckLibrary.files
        #expect(embedded.map(\.path) == disk.map(\.path))
        for (built, current) in zip(embedded, disk) where built.contents != current.contents {
            Issue.record("\(built.path) differs from checks/\(current.path)")
        }
        #expect(EmbeddedCheckLibrary.fileCount == disk.count)
        #expect(disk.contains { $0.path == "anomaly/sensitive-actions.json" } && disk.contains { $0.path == "frameworks/cis-aws.yaml" })
    }

    @Test func theContentHashNamesTheFiles() throws {
        let files = EmbeddedCheckLibrary.files
        #expect(EmbeddedCheckLibrary.contentHash == Self.fnv1a64(files))
        #expect(EmbeddedCheckLibrary.contentHash.count == 16)
        // One changed byte changes the hash, so two builds with different libraries never print the same one.
        var changed = files
        changed[0].contents += " "
        #expect(Self.fnv1a64(changed) != EmbeddedCheckLibrary.contentHash)
    }

    @Test func theBuiltInLibraryLoadsLikeTheDirectory() {
        let files = CheckLibraryFiles(
            root: "(built-in)", files: EmbeddedCheckLibrary.files, contentHash: EmbeddedCheckLibrary.contentHash)
        let builtIn = CheckLibrary.load(embedded: files)
        let disk = CheckLibrary.load(directory: Self.checksDirectory)
        #expect(builtIn.diagnostics.isEmpty)
        #expect(builtIn.checks.count > 400)
        #expect(builtIn.checks.map(\.id) == disk.checks.map(\.id))
        #expect(builtIn.frameworks == disk.frameworks)
        #expect(builtIn.dataFile("drift/ignore-attributes.yaml")?.text == disk.dataFile("drift/ignore-attributes.yaml")?.text)
        #expect(builtIn.dataFile("anomaly/sensitive-actions.json") != nil)
    }
}
