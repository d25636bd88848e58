import Checks
import Foundation
import Model
import Testing

@testable import Scanner

/// A library held in memory (as the binary embeds it) loads exactly like the same files in a directory.
@Suite struct InMemoryLibraryTests {
    /// The fixture library's files read into memory, plus a data file of another layer.
    static func fixtureFiles() throws -> [(path: String, contents: String)] {
        let root = fixturePath("checks")
        var files: [(path: String, contents: String)] = [("drift/ignore-attributes.yaml", "defaults: {}\n")]
        for relative in try FileManager.default.subpathsOfDirectory(atPath: root).sorted() where relative.hasSuffix(".yaml") {
            files.append((relative, try String(contentsOfFile: root + "/" + relative, encoding: .utf8)))
        }
        return files
    }

    @Test func loadsTheSameChecksAndFrameworksAsTheDirectory() throws {
        let memory = CheckLibrary.load(
            embedded: CheckLibraryFiles(root: "(built-in)", files: try Self.fixtureFiles()), external: [fixturePath("external")])
        let disk = CheckLibrary.load(directory: fixturePath("checks"), external: [fixturePath("external")])
        #expect(memory.diagnostics.isEmpty)
        #expect(memory.checks.map(\.id) == disk.checks.map(\.id))
        #expect(memory.frameworks.keys.sorted() == disk.frameworks.keys.sorted())
        #expect(memory.hasLibrary && memory.hasSource && memory.directory == nil)
        #expect(CheckLibrary.loadFrameworks(embedded: memory.embedded!).keys.sorted() == ["cis-aws", "cis-azure"])
        let s3 = try #require(memory.checks.first { $0.id == "BLW-AWS-TST-001" })
        #expect(s3.source?.file.hasPrefix("(built-in)/aws/") == true)
        #expect(memory.text(ofFile: s3.source?.file ?? "")?.contains("BLW-AWS-TST-001") == true)
    }

    @Test func aBrokenInMemoryCheckIsADiagnosticNamingItsFile() throws {
        let files = try Self.fixtureFiles() + [("aws/broken.yaml", "id: [unclosed\n")]
        let library = CheckLibrary.load(embedded: CheckLibraryFiles(root: "(built-in)", files: files))
        #expect(library.diagnostics.count == 1)
        #expect(library.diagnostics.first?.range?.file == "(built-in)/aws/broken.yaml")
        #expect(library.checks.count == 4)
    }

    @Test func dataFilesComeFromWhereTheLibraryCameFrom() throws {
        let memory = CheckLibrary.load(embedded: CheckLibraryFiles(root: "(built-in)", files: try Self.fixtureFiles()))
        #expect(memory.dataFile("drift/ignore-attributes.yaml")?.file == "(built-in)/drift/ignore-attributes.yaml")
        #expect(memory.dataFile("anomaly/sensitive-actions.json") == nil)
        let disk = CheckLibrary.load(directory: fixturePath("checks"))
        #expect(disk.dataFile("drift/ignore-attributes.yaml") == nil)
        #expect(disk.dataFile("frameworks/cis-aws.yaml")?.file == fixturePath("checks") + "/frameworks/cis-aws.yaml")
        #expect(CheckLibrary.none.dataFile("frameworks/cis-aws.yaml") == nil)
    }
}
