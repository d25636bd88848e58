import Checks
import Foundation
import Model
import Testing

@testable import Scanner

@Suite struct CheckLibraryTests {
    /// `--checks-dir` wins over the environment; without either nil, the built-in library.
    @Test func locatePrefersExplicitThenEnvironment() {
        #expect(CheckLibrary.locate(explicit: "/x/y", environment: ["BULWARK_CHECKS_DIR": "/e"]) == "/x/y")
        #expect(CheckLibrary.locate(explicit: nil, environment: ["BULWARK_CHECKS_DIR": "/e"]) == "/e")
        #expect(CheckLibrary.locate(explicit: "", environment: ["BULWARK_CHECKS_DIR": ""]) == nil)
        #expect(CheckLibrary.locate(explicit: nil, environment: [:]) == nil)
    }

    @Test func loadsChecksAndFrameworksDetectingCheckovPolicies() {
        let library = CheckLibrary.load(directory: fixturePath("checks"), external: [fixturePath("external")])
        #expect(library.diagnostics.isEmpty)
        #expect(library.frameworks.keys.sorted() == ["cis-aws", "cis-azure"])
        #expect(
            library.checks.map(\.id).sorted() == [
                "BLW-AWS-EXT-001", "BLW-AWS-TST-001", "BLW-AWS-TST-002", "BLW-AWS-TST-003", "BLW-AZURE-TST-001", "CKV2_CUSTOM_1",
            ])
        #expect(library.checks.first { $0.id == "CKV2_CUSTOM_1" }?.severity == .high)
    }

    @Test func duplicateIDsAcrossDirectoriesAreReported() {
        let library = CheckLibrary.load(directory: fixturePath("checks"), external: [fixturePath("checks")])
        #expect(library.diagnostics.filter { $0.code == .duplicate }.count == 4 + 2)
        #expect(library.checks.count == 4)
    }

    @Test func missingDirectoryIsADiagnostic() {
        let library = CheckLibrary.load(directory: "/nonexistent/checks")
        #expect(library.checks.isEmpty)
        #expect(library.diagnostics.count == 1)
    }

    @Test func aLoadedLibraryRemembersWhereItCameFrom() {
        let library = CheckLibrary.load(directory: fixturePath("checks"), external: [fixturePath("external")])
        #expect(library.directory == fixturePath("checks"))
        #expect(library.externalDirectories == [fixturePath("external")])
        #expect(library.hasSource && !CheckLibrary.none.hasSource)
    }

    /// A scan runs the library value it is given: nothing is read again from the library's directory.
    @Test func aScanUsesTheGivenLibraryWithoutReloadingIt() throws {
        let check = CheckDefinition(
            id: "BLW-AWS-MEM-001", title: "in memory", severity: .low, provider: "aws",
            resourceTypes: ["*"], condition: .constant(false))
        var options = fixtureOptions()
        options.library = CheckLibrary(checks: [check], directory: "/nonexistent/checks")
        let report = try ScanRunner.run(paths: [fixturePath("tree/app")], options: options)
        #expect(report.checks.map(\.id) == ["BLW-AWS-MEM-001"])
        #expect(report.loadErrors.isEmpty)
        #expect(!report.findings.isEmpty && report.findings.allSatisfy { $0.result.checkID == "BLW-AWS-MEM-001" })
    }
}
