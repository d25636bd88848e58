import Foundation
import TestSupport
import Testing

@testable import Anomaly

/// `bulwark anomaly train|score` as child processes: exit 2 when input is missing or unreadable (each file
/// named), 1 when an alert reaches --fail-on, 0 otherwise.
@Suite(.serialized) struct AnomalyExitCodeTests {
    let directory: URL
    let catalog = Support.repoRoot.appendingPathComponent("checks/anomaly/sensitive-actions.json").path

    init() throws { directory = try Support.temporaryDirectory() }

    func bulwark(_ arguments: [String]) async throws -> Subprocess.Outcome {
        try await Subprocess(try BuiltProduct.path("bulwark", override: "BULWARK_EXECUTABLE"), ["anomaly"] + arguments).wait()
    }

    /// A folder of `name` holding one CloudTrail file with one call per hour for `hours` hours.
    func logs(_ name: String, hours: Int, last: String = "DescribeInstances") throws -> String {
        let folder = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let records = (0..<hours).map {
            Support.cloudTrailRecord(
                time: Timestamp.format(Support.monday + Double($0) * 3600), name: $0 == hours - 1 ? last : "DescribeInstances",
                source: $0 == hours - 1 && last == "StopLogging" ? "cloudtrail.amazonaws.com" : "ec2.amazonaws.com")
        }
        try Data("{\"Records\":[\(records.joined(separator: ","))]}".utf8).write(to: folder.appendingPathComponent("trail.json"))
        return folder.path
    }

    @Test(.timeLimit(.minutes(5))) func exitCodesTellUnreadInputAlertsAndSuccessApart() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("model.json").path
        let history = try logs("history", hours: 48)
        let trained = try await bulwark(["train", history, "--model", model, "--catalog", catalog, "--warmup", "0"])
        #expect(trained.exitCode == 0, "\(trained.output)")
        #expect(trained.output.contains("calibrated on"))
        #expect(trained.output.contains("warning: the threshold rests on"))

        let empty = directory.appendingPathComponent("empty").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let none = try await bulwark(["score", empty, "--model", model, "--catalog", catalog])
        #expect(none.exitCode == 2)
        #expect(none.output.contains("\(empty): no log files"))
        #expect(try await bulwark(["train", empty, "--model", model + ".2", "--catalog", catalog]).exitCode == 2)
        #expect(!FileManager.default.fileExists(atPath: model + ".2"))

        let quiet = try logs("quiet", hours: 2)
        #expect(try await bulwark(["score", quiet, "--model", model, "--catalog", catalog, "--fail-on", "critical"]).exitCode == 0)

        let stopped = try logs("stopped", hours: 2, last: "StopLogging")
        let alerted = try await bulwark(["score", stopped, "--model", model, "--catalog", catalog, "--fail-on", "critical"])
        #expect(alerted.exitCode == 1)
        #expect(alerted.output.contains("AWS-CLOUDTRAIL-STOPPED"))

        // One unreadable file next to the alerting one: the alert is printed, the exit says the input was incomplete.
        let cut = URL(fileURLWithPath: stopped).appendingPathComponent("zz-cut.json.gz")
        try Gzip.compress(Data(repeating: 0x20, count: 4096)).prefix(10).write(to: cut)
        let partial = try await bulwark(["score", stopped, "--model", model, "--catalog", catalog, "--fail-on", "critical"])
        #expect(partial.exitCode == 2)
        #expect(partial.output.contains("AWS-CLOUDTRAIL-STOPPED"))
        #expect(partial.output.contains("could not read \(cut.path)"))

        // Over --max-object-size: named, with the option to raise.
        let small = try await bulwark(["score", quiet, "--model", model, "--catalog", catalog, "--max-object-size", "100"])
        #expect(small.exitCode == 2)
        #expect(small.output.contains("--max-object-size"))
        let raised = try await bulwark(["score", quiet, "--model", model, "--catalog", catalog, "--max-object-size", "1M"])
        #expect(raised.exitCode == 0)
    }
}
