import Checks
import Foundation
import Model
import Reports
import Testing

@testable import Scanner

@Suite struct ScanRunnerTests {
    @Test func scansEveryRootModuleWithItsLocalModules() throws {
        let report = try scanFixture()
        let store = try #require(report.finding("BLW-AWS-TST-001", "module.store.aws_s3_bucket.this"))
        #expect(store.result.verdict == .failed)
        #expect(store.location == FindingLocation(file: "app/modules/store/main.tf", startLine: 5, startColumn: 1, endLine: 7))
        #expect(store.input == "app")
        #expect(report.finding("BLW-AWS-TST-003", "aws_security_group.open")?.location?.file == "legacy/main.tf")
        // The module is scanned through its caller only, and hidden directories never.
        #expect(!report.findings.contains { $0.result.resourceAddress == "aws_s3_bucket.this" })
        #expect(!report.findings.contains { $0.result.resourceAddress.contains("hidden") })
        #expect(report.resourceCount == 9)
    }

    @Test func unknownValuesGiveUnknownAndVarFilesDecideThem() throws {
        let before = try scanFixture()
        guard case .unknown(let reason)? = before.finding("BLW-AWS-TST-001", "aws_s3_bucket.data")?.result.verdict else {
            Issue.record("expected UNKNOWN")
            return
        }
        #expect(reason.contains("after apply"))
        let after = try scanFixture { $0.varFiles = [fixturePath("versioned.tfvars")] }
        #expect(after.finding("BLW-AWS-TST-001", "aws_s3_bucket.data")?.result.verdict == .passed)
    }

    @Test func inlineSuppressionsOfEveryDialect() throws {
        let report = try scanFixture()
        let bulwark = report.finding("BLW-AWS-TST-001", "aws_s3_bucket.skipped_bulwark")?.result.verdict
        #expect(bulwark == .skipped(reason: "bulwark:skip=BLW-AWS-TST-001: versioning is handled by the backup vault"))
        let checkov = report.finding("BLW-AWS-TST-002", "aws_s3_bucket.skipped_checkov")?.result.verdict
        #expect(checkov == .skipped(reason: "checkov:skip=CKV_AWS_19: encrypted by the default bucket key"))
        #expect(
            report.finding("BLW-AWS-TST-001", "aws_s3_bucket.skipped_trivy")?.result.verdict
                == .skipped(reason: "trivy:ignore:AVD-AWS-0090"))
        // A suppression names one check; the resource's other checks still run.
        #expect(report.finding("BLW-AWS-TST-002", "aws_s3_bucket.skipped_trivy")?.result.verdict == .failed)
    }

    @Test func expiredInlineSuppressionAppliesAgainWithAWarning() throws {
        let report = try scanFixture()
        #expect(report.finding("BLW-AWS-TST-001", "aws_s3_bucket.expired_trivy")?.result.verdict == .failed)
        let warning = try #require(report.warnings.first { $0.code == "expired_skip" && $0.file == "legacy/main.tf" })
        #expect(warning.line == 19)
        #expect(warning.message.contains("expired on 2020-01-01"))
    }

    @Test func skipConfigWithExpiry() throws {
        let report = try scanFixture { $0.skipConfigFiles = [fixturePath("skips.yaml")] }
        guard case .skipped(let reason)? = report.finding("BLW-AWS-TST-002", "module.store.aws_s3_bucket.this")?.result.verdict else {
            Issue.record("expected the store bucket's encryption check to be skipped")
            return
        }
        #expect(reason.contains("the store module encrypts through a bucket policy"))
        // The expired entry is ignored, reported once, and the check applies again.
        #expect(report.finding("BLW-AWS-TST-003", "aws_security_group.open")?.result.verdict == .failed)
        let expired = report.warnings.filter { $0.code == "expired_skip" && $0.message.contains("BLW-AWS-TST-003") }
        #expect(expired.count == 1)
        #expect(expired.first?.message.contains("expired on 2020-06-30") == true)
        // Before the expiry the same entry applies.
        let earlier = try scanFixture {
            $0.skipConfigFiles = [fixturePath("skips.yaml")]
            $0.today = CalendarDate(year: 2020, month: 6, day: 30) ?? fixtureToday
        }
        #expect(
            earlier.finding("BLW-AWS-TST-003", "aws_security_group.open")?.result.verdict
                == .skipped(reason: "skipped by configuration (\(fixturePath("skips.yaml")):5): temporary bastion access"))
    }

    @Test func aFileWithASyntaxErrorDoesNotHideOtherFindings() throws {
        let report = try scanFixture()
        let error = try #require(report.loadErrors.first { $0.file == "legacy/broken.tf" })
        #expect(error.code == "syntax")
        #expect(error.line == 3 && error.column == 9)
        #expect(report.finding("BLW-AWS-TST-003", "aws_security_group.open")?.result.verdict == .failed)
        #expect(report.finding("BLW-AZURE-TST-001", "azurerm_storage_account.files")?.result.verdict == .failed)
    }

    @Test func missingInputIsALoadError() throws {
        let report = try scanFixture(["tree/app", "does-not-exist.tf"])
        #expect(report.loadErrors.contains { $0.code == "io" && ($0.file ?? "").hasSuffix("does-not-exist.tf") })
        #expect(report.finding("BLW-AZURE-TST-001", "azurerm_storage_account.files") != nil)
    }

    @Test func singleFileInput() throws {
        let report = try scanFixture(["tree/legacy/main.tf"])
        #expect(report.loadErrors.isEmpty)
        #expect(report.finding("BLW-AWS-TST-003", "aws_security_group.open")?.location?.display == "legacy/main.tf:24")
        // Same module directory, so the same fingerprint as a directory scan.
        let tree = try scanFixture()
        #expect(
            report.finding("BLW-AWS-TST-003", "aws_security_group.open")?.fingerprint
                == tree.finding("BLW-AWS-TST-003", "aws_security_group.open")?.fingerprint)
    }

    @Test func checkAndSkipCheckFilters() throws {
        let byID = try scanFixture { $0.filter = CheckFilter(include: ["CKV_AZURE_3", "BLW-AWS-TST-003"]) }
        #expect(byID.checkIDs == ["BLW-AZURE-TST-001", "BLW-AWS-TST-003"])
        let bySeverity = try scanFixture { $0.filter = CheckFilter(include: ["high"]) }
        #expect(bySeverity.checkIDs == ["BLW-AWS-TST-001", "BLW-AWS-TST-003"])
        let skipped = try scanFixture { $0.filter = CheckFilter(exclude: ["medium", "BLW-AWS-TST-00*"]) }
        #expect(skipped.checkIDs == [])
        #expect(skipped.checks.isEmpty)
    }

    @Test func frameworkLimitsChecksAndSummaries() throws {
        let report = try scanFixture { $0.frameworks = ["cis-azure"] }
        #expect(report.checkIDs == ["BLW-AZURE-TST-001"])
        #expect(report.compliance.map(\.framework.id) == ["cis-azure"])
        #expect(report.compliance.first?.count(.failed) == 1)
        #expect(throws: ScanError.unknownFramework("cis-gcp", available: ["cis-aws", "cis-azure"])) {
            try scanFixture { $0.frameworks = ["cis-gcp"] }
        }
    }

    @Test func complianceSummariesForEveryTouchedFramework() throws {
        let report = try scanFixture()
        #expect(report.compliance.map(\.framework.id) == ["cis-aws", "cis-azure"])
        let aws = try #require(report.compliance.first)
        #expect(aws.count(.failed) == 3)
        #expect(aws.count(.notAutomated) == 1)
        #expect(aws.count(.notApplicable) == 1)
        #expect(aws.score == 0)
    }

    @Test func externalChecksInBothFormats() throws {
        let report = try scanFixture {
            $0.library = CheckLibrary.load(directory: fixturePath("checks"), external: [fixturePath("external")])
        }
        #expect(report.finding("CKV2_CUSTOM_1", "aws_security_group.open")?.result.verdict == .passed)
        #expect(report.finding("BLW-AWS-EXT-001", "aws_s3_bucket.skipped_trivy")?.result.verdict == .passed)
        #expect(report.checks.count == 6)
        let only = try ScanRunner.run(
            paths: [fixturePath("tree/legacy")],
            options: fixtureOptions {
                $0.library = CheckLibrary.load(directory: nil, external: [fixturePath("external")])
            })
        #expect(only.checkIDs == ["BLW-AWS-EXT-001", "CKV2_CUSTOM_1"])
    }

    @Test func noChecksIsAUsageError() {
        #expect(throws: ScanError.noChecks) {
            try scanFixture { $0.library = .none }
        }
    }

    @Test func badCheckFilesAreLoadErrors() throws {
        let dir = try temporaryDirectory(["bad.yaml": "id: BLW-AWS-X-001\ntitle: t\n"])
        let report = try scanFixture { $0.library = CheckLibrary.load(directory: fixturePath("checks"), external: [dir]) }
        #expect(report.loadErrors.contains { $0.code == "invalid_check" && ($0.file ?? "").hasSuffix("bad.yaml") })
    }

    @Test func baselineCreateThenFilter() throws {
        let dir = try temporaryDirectory([:])
        let file = (dir as NSString).appendingPathComponent("baseline.json")
        let first = try scanFixture { $0.createBaselineFile = file }
        let baseline = try FindingBaseline.read(file: file)
        #expect(baseline.findings.count == first.failed.count)
        // Findings outside the scan root's own module are qualified with their root module directory.
        #expect(baseline.findings.contains { $0.resource == "legacy::aws_security_group.open" })
        let second = try scanFixture { $0.baselineFile = file }
        #expect(second.failed.isEmpty)
        #expect(second.baselined == first.failed.count)
        // Passed, unknown and skipped results are kept, and compliance still sees the failures.
        #expect(second.findings.count == first.findings.count - first.failed.count)
        #expect(second.compliance.first?.count(.failed) == 3)
    }

    @Test func committedBaselineHidesOnlyItsFindings() throws {
        let report = try scanFixture { $0.baselineFile = fixturePath("baseline.json") }
        #expect(report.baselined == 1)
        #expect(report.finding("BLW-AWS-TST-003", "aws_security_group.open") == nil)
        #expect(report.finding("BLW-AWS-TST-001", "aws_s3_bucket.expired_trivy")?.result.verdict == .failed)
    }

    @Test func unreadableBaselineIsAnError() {
        #expect(throws: ScanError.self) {
            try scanFixture { $0.baselineFile = fixturePath("skips.yaml") }
        }
    }

    @Test func sameAddressInTwoRootModulesHasTwoFingerprints() throws {
        let dir = try temporaryDirectory([
            "prod/main.tf": "resource \"aws_s3_bucket\" \"b\" {}\n",
            "staging/main.tf": "resource \"aws_s3_bucket\" \"b\" {}\n",
        ])
        let report = try ScanRunner.run(paths: [dir], options: fixtureOptions { $0.scanRoot = dir })
        let prints = report.findings.filter { $0.result.checkID == "BLW-AWS-TST-001" }.map(\.fingerprint)
        #expect(prints.count == 2 && Set(prints).count == 2)
    }

    @Test func outputIsDeterministic() throws {
        let a = try scanFixture()
        let b = try scanFixture()
        var ja = a
        var jb = b
        ja.durationSeconds = 0
        jb.durationSeconds = 0
        #expect(JSONReport.render(ja) == JSONReport.render(jb))
        let files = a.findings.map { $0.location?.file ?? "" }
        #expect(files == files.sorted())
    }

    @Test func everyFormatCarriesLoadErrorsAndCompliance() throws {
        let report = try scanFixture()
        for format in ReportFormat.allCases {
            let text = format.render(report, scanRoot: fixturePath("tree"))
            #expect(text.contains("legacy/broken.tf"), "\(format) lacks the load error")
            #expect(text.contains("cis-aws") || text.contains("CIS AWS Foundations"), "\(format) lacks compliance")
        }
    }
}
