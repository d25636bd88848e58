import Checks
import Foundation
import Model
import Terraform
import Testing

/// Every check in `checks/` against its own fixtures: `Fixtures/library/<ID>/fail*.tf` must yield at least one
/// FAILED result, `pass*.tf` only PASSED results (and at least one), `unknown*.tf` (optional) only UNKNOWN.
@Suite struct CheckLibraryTests {
    static let repositoryRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()

    static let library = CheckLoader.load(directory: repositoryRoot + "/checks")

    static let checkIDs: [String] = library.checks.map(\.id).sorted()

    static var fixtureRoot: String {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            return repositoryRoot + "/Tests/ChecksTests/Fixtures"
        }
        return url.path + "/library"
    }

    @Test func theLibraryLoadsCleanly() {
        #expect(Self.library.diagnostics.isEmpty, "\(Self.library.diagnostics.map(\.description))")
    }

    @Test func theLibraryCoversEveryProvider() {
        let aws = Self.library.checks.filter { $0.provider == "aws" }.count
        let azure = Self.library.checks.filter { $0.provider == "azure" }.count
        let kubernetes = Self.library.checks.filter { $0.provider == "kubernetes" }.count
        #expect(aws >= 300, "AWS checks: \(aws)")
        #expect(azure >= 190, "Azure checks: \(azure)")
        #expect(kubernetes >= 25, "Kubernetes checks: \(kubernetes)")
        #expect(Self.library.checks.count >= 500, "checks: \(Self.library.checks.count)")
    }

    /// Checkov IDs whose policy differs from the check (threshold, absent-attribute verdict or meaning) are not
    /// claimed, so `#checkov:skip=` comments for them do not silence a different test; see checkov-differences.md.
    @Test func checkovIDsAreClaimedOnlyByEquivalentChecks() throws {
        let dropped: [(check: String, checkov: String)] = [
            ("BLW-AWS-RDS-004", "CKV_AWS_133"), ("BLW-AWS-S3-010", "CKV_AWS_19"), ("BLW-AWS-ECR-002", "CKV_AWS_51"),
            ("BLW-AWS-LAMBDA-002", "CKV_AWS_50"), ("BLW-AWS-ELB-002", "CKV_AWS_103"), ("BLW-AWS-CONFIG-001", "CKV2_AWS_45"),
        ]
        for (id, checkov) in dropped {
            let check = try #require(Self.library.checks.first { $0.id == id })
            #expect(!check.references.checkov.contains(checkov), "\(id) must not claim \(checkov)")
        }
        // A dropped ID may come back only on a separate check written with Checkov's exact semantics.
        let exact: [String: String] = ["CKV_AWS_133": "BLW-AWS-RDS-025"]
        for (_, checkov) in dropped {
            let claimants = Self.library.checks.filter { $0.references.checkov.contains(checkov) }.map(\.id)
            #expect(claimants == exact[checkov].map { [$0] } ?? [], "\(checkov) is claimed by \(claimants)")
        }
        let kept: [(check: String, checkov: String)] = [
            ("BLW-AWS-S3-011", "CKV_AWS_145"), ("BLW-AWS-CLOUDFRONT-002", "CKV_AWS_174"), ("BLW-AWS-RDS-002", "CKV_AWS_96"),
            ("BLW-AZURE-NETWORK-006", "CKV_AZURE_12"), ("BLW-AZURE-APPSERVICE-003", "CKV_AZURE_78"),
        ]
        for (id, checkov) in kept {
            #expect(Self.library.checks.first { $0.id == id }?.references.checkov.contains(checkov) == true, "\(id) keeps \(checkov)")
        }
    }

    @Test(arguments: checkIDs)
    func checkMatchesItsFixtures(_ id: String) throws {
        let check = try #require(Self.library.checks.first { $0.id == id })
        let dir = Self.fixtureRoot + "/" + id
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        let fails = names.filter { $0.hasPrefix("fail") && $0.hasSuffix(".tf") }.sorted()
        let passes = names.filter { $0.hasPrefix("pass") && $0.hasSuffix(".tf") }.sorted()
        let unknowns = names.filter { $0.hasPrefix("unknown") && $0.hasSuffix(".tf") }.sorted()
        #expect(!fails.isEmpty, "\(id) has no fail*.tf fixture in \(dir)")
        #expect(!passes.isEmpty, "\(id) has no pass*.tf fixture in \(dir)")
        let engine = CheckEngine(checks: [check])
        for name in fails + passes + unknowns {
            let loaded = ModuleLoader.load(files: [dir + "/" + name])
            #expect(loaded.errors.isEmpty, "\(id)/\(name) does not load: \(loaded.errors)")
            let graph = check.liveOnly ? Self.asLive(loaded.graph) : loaded.graph
            let results = engine.evaluate(graph: graph)
            if check.liveOnly {
                #expect(engine.evaluate(graph: loaded.graph).isEmpty, "\(id)/\(name): a live-only check ran on a configuration")
            }
            let verdicts = results.map { "\($0.resourceAddress): \($0.verdict)" }
            #expect(!results.isEmpty, "\(id)/\(name): the check applies to no resource")
            if name.hasPrefix("fail") {
                #expect(results.contains { $0.verdict == .failed }, "\(id)/\(name) should fail: \(verdicts)")
            } else if name.hasPrefix("pass") {
                #expect(results.allSatisfy { $0.verdict == .passed }, "\(id)/\(name) should pass: \(verdicts)")
            } else {
                #expect(
                    results.allSatisfy { if case .unknown = $0.verdict { true } else { false } },
                    "\(id)/\(name) should be unknown: \(verdicts)")
            }
        }
    }

    /// The same resources as if discovery had read them, for checks that run on live resources only.
    static func asLive(_ graph: ResourceGraph) -> ResourceGraph {
        ResourceGraph(
            graph.resources.map { resource in
                var live = resource
                live.origin = .live(Resource.LiveOrigin(id: resource.address, account: "123456789012", region: "us-east-1"))
                return live
            })
    }
}
