import Foundation
import Testing
@testable import Scanner

@Suite struct CheckLibraryTests {
    @Test func locatePrefersExplicitThenEnvironmentThenWalksUp() throws {
        let dir = try temporaryDirectory([
            "repo/checks/frameworks/cis-aws.yaml": "id: cis-aws\nname: n\nversion: v\ncontrols: []\n",
            "repo/.build/debug/placeholder": "",
            "repo/sub/deeper/placeholder": "",
            "elsewhere/placeholder": "",
        ])
        let checks = dir + "/repo/checks"
        #expect(CheckLibrary.locate(explicit: "/x/y", environment: ["BULWARK_CHECKS_DIR": "/e"], executablePath: nil,
                                    currentDirectory: dir) == "/x/y")
        #expect(CheckLibrary.locate(explicit: nil, environment: ["BULWARK_CHECKS_DIR": "/e"], executablePath: nil,
                                    currentDirectory: dir) == "/e")
        #expect(CheckLibrary.locate(explicit: nil, environment: [:], executablePath: dir + "/repo/.build/debug/bulwark",
                                    currentDirectory: dir + "/elsewhere") == checks)
        #expect(CheckLibrary.locate(explicit: nil, environment: [:], executablePath: "/nonexistent/bin/bulwark",
                                    currentDirectory: dir + "/repo/sub/deeper") == checks)
        #expect(CheckLibrary.locate(explicit: nil, environment: [:], executablePath: nil,
                                    currentDirectory: dir + "/elsewhere") == nil)
    }

    @Test func loadsChecksAndFrameworksDetectingCheckovPolicies() {
        let library = CheckLibrary.load(directory: fixturePath("checks"), external: [fixturePath("external")])
        #expect(library.diagnostics.isEmpty)
        #expect(library.frameworks.keys.sorted() == ["cis-aws", "cis-azure"])
        #expect(library.checks.map(\.id).sorted() == [
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
}
