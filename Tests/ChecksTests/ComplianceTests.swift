import Foundation
import Model
import Testing

@testable import Checks

@Suite struct Compliance {
    let framework = ComplianceFramework(
        id: "cis-aws", name: "CIS", version: "3.0.0",
        controls: [
            .init(id: "1.1", title: "manual", automated: false),
            .init(id: "2.1.1", title: "passes", automated: true),
            .init(id: "2.1.4", title: "fails", automated: true),
            .init(id: "3.1", title: "unknown", automated: true),
            .init(id: "5.6", title: "no checks", automated: true),
        ])

    func check(_ id: String, _ controls: [String]) -> CheckDefinition {
        CheckDefinition(
            id: id, title: id, severity: .high, provider: "aws", resourceTypes: ["x"], condition: .constant(true),
            references: CheckReferences(cis: ["cis-aws": controls]))
    }

    func result(_ check: CheckDefinition, _ verdict: Verdict) -> CheckResult {
        CheckResult(check: check, resourceAddress: "x.a", resourceType: "x", range: nil, verdict: verdict, evidence: "")
    }

    @Test func statusesAndScore() {
        let a = check("BLW-AWS-A-001", ["2.1.1", "2.1.4"])
        let b = check("BLW-AWS-B-001", ["2.1.4"])
        let c = check("BLW-AWS-C-001", ["3.1", "1.1"])
        let summary = ComplianceSummary.compute(
            framework: framework,
            results: [
                result(a, .passed), result(b, .failed), result(c, .unknown(reason: "computed")),
                result(c, .skipped(reason: "s")),
            ])
        #expect(summary.controls.map(\.status) == [.notAutomated, .passed, .failed, .unknown, .notApplicable])
        #expect(summary.score == 0.5)
        #expect(summary.count(.failed) == 1)
        #expect(summary.controls[2].passed == 1 && summary.controls[2].failed == 1)
        #expect(ComplianceSummary.compute(framework: framework, results: []).score == nil)
    }

    @Test(arguments: [("cis-aws", "5.0.0", 60), ("cis-azure", "3.0.0", 155)])
    func shippedFrameworkIsCurrentAndMapped(id: String, version: String, minimumControls: Int) throws {
        // The test bundle sits under .build; the repository's checks/ is found from this source file.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = root.appendingPathComponent("checks/frameworks/\(id).yaml").path
        let framework: ComplianceFramework
        switch ComplianceFramework.load(file: file) {
        case .success(let f): framework = f
        case .failure(let d):
            Issue.record("\(d)")
            return
        }
        #expect(framework.id == id && framework.version == version)
        #expect(framework.controls.count >= minimumControls, "\(framework.controls.count) controls")
        #expect(framework.controls.contains { !$0.automated }, "manual controls are listed too")
        let library = CheckLoader.load(directory: root.appendingPathComponent("checks").path)
        #expect(library.diagnostics.isEmpty)
        let known = Dictionary(uniqueKeysWithValues: framework.controls.map { ($0.id, $0) })
        var mappedAutomated = Set<String>()
        for check in library.checks {
            for control in check.references.cis[id] ?? [] {
                // A reference to a control the framework does not list would never be scored: a stale ID.
                #expect(known[control] != nil, "\(check.id) maps to \(control), which \(id) \(version) does not have")
                if known[control]?.automated == true { mappedAutomated.insert(control) }
            }
        }
        #expect(mappedAutomated.count >= 20, "only \(mappedAutomated.count) automated \(id) controls are mapped to checks")
    }

    /// CIS Azure 3.0.0 lists sections 2 (Identity) to 10, and at least 95 % of its automated controls are mapped
    /// to a check or marked in the file as not evaluable from configuration, with the reason.
    @Test func cisAzureIsCompleteAndItsAutomatedControlsAreAccountedFor() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("checks/frameworks/cis-azure.yaml").path
        let framework = try ComplianceFramework.load(file: path).get()
        let ids = Set(framework.controls.map(\.id))
        for id in ["2.1.1", "2.2.8", "2.3", "2.14", "2.23", "2.26", "10.1"] { #expect(ids.contains(id), "\(id) is missing") }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let notEvaluable = Set(
            text.split(separator: "\n").compactMap { line -> String? in
                guard line.contains("# not evaluable from configuration: "), let start = line.range(of: "id: \"") else { return nil }
                return String(line[start.upperBound...].prefix { $0 != "\"" })
            })
        let library = CheckLoader.load(directory: root.appendingPathComponent("checks").path)
        let mapped = Set(library.checks.flatMap { $0.references.cis["cis-azure"] ?? [] })
        let automated = framework.controls.filter(\.automated).map(\.id)
        let accounted = automated.filter { mapped.contains($0) || notEvaluable.contains($0) }
        #expect(!notEvaluable.isEmpty)
        for id in notEvaluable { #expect(!mapped.contains(id), "\(id) is marked not evaluable but a check maps to it") }
        #expect(Double(accounted.count) >= 0.95 * Double(automated.count), "\(accounted.count) of \(automated.count) automated controls")
    }

    /// CIS AWS 5.0.0: at least 95 % of the automated controls are mapped to a check or marked in the file as not
    /// evaluable from configuration, with the reason; a marked control has no check mapped to it.
    @Test func cisAWSAutomatedControlsAreAccountedFor() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("checks/frameworks/cis-aws.yaml").path
        let framework = try ComplianceFramework.load(file: path).get()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let notEvaluable = Set(
            text.split(separator: "\n").compactMap { line -> String? in
                guard line.contains("# not evaluable from configuration: "), let start = line.range(of: "id: \"") else { return nil }
                return String(line[start.upperBound...].prefix { $0 != "\"" })
            })
        let library = CheckLoader.load(directory: root.appendingPathComponent("checks").path)
        let mapped = Set(library.checks.flatMap { $0.references.cis["cis-aws"] ?? [] })
        let automated = framework.controls.filter(\.automated).map(\.id)
        let accounted = automated.filter { mapped.contains($0) || notEvaluable.contains($0) }
        #expect(!notEvaluable.isEmpty)
        for id in notEvaluable {
            #expect(!mapped.contains(id), "\(id) is marked not evaluable but a check maps to it")
            #expect(automated.contains(id), "\(id) is marked not evaluable but is not an automated control")
        }
        #expect(Double(accounted.count) >= 0.95 * Double(automated.count), "\(accounted.count) of \(automated.count) automated controls")
    }

    @Test func frameworkFileErrors() {
        let bad = "id: f\nname: n\nversion: '1'\ncontrols:\n  - {id: '1.1', title: a}\n  - {id: '1.1', title: b}\n"
        guard case .failure(let d) = ComplianceFramework.load(yaml: bad, file: "f.yaml") else {
            Issue.record("duplicate control accepted")
            return
        }
        #expect(d.range?.start.line == 6)
        #expect(d.message.contains("duplicate control id"))
    }
}

@Suite struct EngineScale {
    @Test func everyApplicablePairOfThousandsOfResourcesAndHundredChecksGetsOneResult() throws {
        var checks: [CheckDefinition] = []
        let conditions = [
            "{attribute: acl, operator: not_within, value: [public-read, public-read-write]}",
            "{attribute: \"versioning.*.enabled\", operator: is_true}",
            "{attribute: bucket, operator: regex_match, value: \"^[a-z0-9.-]{3,63}$\"}",
            "{connection: {resource_types: [aws_s3_bucket_public_access_block], via: bucket}}",
            "{and: [{attribute: tags.Name, operator: exists}, {attribute: force_destroy, operator: is_false}]}",
        ]
        for i in 0..<100 {
            let id = "BLW-AWS-PERF-" + String(format: "%03d", i)
            checks.append(
                try makeCheck(conditions[i % conditions.count], id: id, types: i % 4 == 0 ? ["aws_s3_bucket"] : ["aws_type_\(i)"]))
        }
        var resources: [Resource] = []
        for i in 0..<2_000 {
            resources.append(
                makeResource(
                    "aws_s3_bucket", "b\(i)",
                    [
                        "acl": .string(i % 3 == 0 ? "public-read" : "private"), "bucket": .string("bucket-\(i)"),
                        "versioning": .list([.object(["enabled": i % 5 == 0 ? .unknown : .bool(true)])]),
                        "tags": .object(["Name": .string("n")]), "force_destroy": .bool(false),
                    ]))
            resources.append(
                makeResource(
                    "aws_s3_bucket_public_access_block", "p\(i)", [:],
                    references: [Reference(attribute: "bucket", target: "aws_s3_bucket.b\(i)")]))
            resources.append(makeResource("aws_type_\(i % 100)", "r\(i)", [:]))
        }
        let engine = CheckEngine(checks: checks)
        let graph = ResourceGraph(resources)
        // Timing belongs in bench/ (the machine is noisy); this checks every applicable pair gets one result.
        let results = engine.evaluate(graph: graph)
        #expect(results.count == 2_000 * 25 + 1_500)
    }
}
