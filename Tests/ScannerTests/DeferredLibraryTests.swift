import Checks
import Foundation
import Model
import Reports
import Testing

@testable import Scanner

/// A deferred library indexes check files by the types their text names and compiles only what a scan needs,
/// and its reports are those of the same library loaded whole.
@Suite struct DeferredLibraryTests {
    @Test(arguments: [
        ("resource_types: [aws_s3_bucket, \"data.aws_iam_policy\", 'aws_vpc']\n", ["aws_s3_bucket", "data.aws_iam_policy", "aws_vpc"]),
        (
            "id: X\nresource_types:\n  - aws_security_group\n  - aws_security_group_rule\ncondition: {}\n",
            ["aws_security_group", "aws_security_group_rule"]
        ),
        ("resource_types: aws_instance\r\n", ["aws_instance"]),
        ("resource_types: [\"*\"]\n", ["*"]),
    ])
    func typesWrittenPlainlyAreRead(text: String, types: [String]) {
        #expect(CheckFileIndex.resourceTypes(in: text) == types)
    }

    @Test(arguments: [
        "id: X\n",  // no types at all
        "resource_types: [aws_s3_bucket,\n  aws_vpc]\n",  // a flow list over two lines
        "resource_types: [aws_s3_bucket] # comment\n",
        "resource_types: &types [aws_s3_bucket]\n",
        "resource_types: [aws_s3_bucket]\nresource_types: [aws_vpc]\n",  // a repeated key
        "resource_types: [*]\n",  // an alias, not the wildcard
        "resource_types: [true, 12]\n",  // YAML reads these as a boolean and a number
        "resource_types: []\n",
        "resource_types:\n  - aws_vpc\n    extra: 1\n",  // the block goes on in a form the index does not read
        "metadata:\n  id: CKV2_X\ndefinition:\n  resource_types: [aws_s3_bucket]\nresource_types: [aws_vpc]\n",  // Checkov
    ])
    func typesInAnyOtherFormAreUnknown(text: String) {
        #expect(CheckFileIndex.resourceTypes(in: text) == nil)
    }

    /// The fixture library, plus a framework whose control lists a check (folded into that check's references).
    static func fixtureLibrary() throws -> CheckLibraryFiles {
        let extra = """
            id: extra
            name: Extra
            version: "1"
            controls:
              - {id: "E.1", title: "Buckets are versioned", automated: true, checks: [BLW-AWS-TST-001]}

            """
        return CheckLibraryFiles(root: "(built-in)", files: try InMemoryLibraryTests.fixtureFiles() + [("frameworks/extra.yaml", extra)])
    }

    /// The fixture tree scanned with the library loaded whole and deferred: the same JSON, apart from the time.
    @Test func aDeferredLibraryReportsWhatTheWholeLibraryReports() throws {
        let files = try Self.fixtureLibrary()
        func json(_ library: CheckLibrary) throws -> String {
            var report = try scanFixture { $0.library = library }
            report.durationSeconds = 0
            return JSONReport.render(report)
        }
        let whole = try json(CheckLibrary.load(embedded: files))
        let deferred = CheckLibrary.loadDeferred(embedded: files)
        #expect(try json(deferred) == whole)
        #expect(whole.contains("\"checks\": 4") || whole.contains("\"checks\":4"))
        // The fixture frameworks map the S3 checks: their compliance controls are folded into the deferred checks too.
        #expect(whole.contains("cis-aws"))
    }

    /// Scanning no resources compiles no check and loads no framework; scanning S3 buckets compiles only S3 checks.
    @Test func onlyTheChecksOfTheScannedTypesAreCompiled() throws {
        let library = CheckLibrary.loadDeferred(embedded: try Self.fixtureLibrary())
        let deferred = try #require(library.deferred)
        #expect(library.checkCount == 4)
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("deferred-empty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        var options = ScanOptions()
        options.library = library
        options.scanRoot = empty
        let report = try ScanRunner.run(paths: [empty], options: options)
        #expect(report.checkCount == 4)
        #expect(deferred.compiledCount == 0)
        #expect(!deferred.frameworksLoaded)

        let s3 = deferred.checks(forTypes: ["aws_s3_bucket"])
        #expect(!s3.isEmpty && s3.allSatisfy { $0.resourceTypes.contains("aws_s3_bucket") })
        #expect(deferred.compiledCount == s3.count && s3.count < 4)
        #expect(deferred.frameworksLoaded)
        let whole = CheckLibrary.load(embedded: try Self.fixtureLibrary())
        #expect(s3.first { $0.id == "BLW-AWS-TST-001" }?.references.cis["extra"] == ["E.1"])
        for check in s3 {
            #expect(whole.checks.first { $0.id == check.id }?.references == check.references)
        }
    }

    /// Changing a deferred library's checks first loads it whole, so nothing it held is lost.
    @Test func changingTheChecksLoadsTheLibraryWhole() throws {
        var library = CheckLibrary.loadDeferred(embedded: try Self.fixtureLibrary())
        library.checks.removeFirst()
        #expect(library.deferred == nil)
        #expect(library.checks.count == 3)
        #expect(library.frameworks.keys.sorted() == ["cis-aws", "cis-azure", "extra"])
    }
}
