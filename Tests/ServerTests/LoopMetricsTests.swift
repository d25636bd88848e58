import CommitScan
import ControllerConfig
import Foundation
import Reconciler
import Scanner
import Store
import TestSupport
import Testing

extension ServerTests {
    /// `/metrics` of a server with a loop beside it: what the loop pushes as cycles finish, and what the store
    /// tells at scrape time.
    @Suite("Metrics of the loop")
    struct LoopMetricsTests {
        /// The value of the first sample line starting with `prefix`, if any.
        static func sample(_ text: String, _ prefix: String) -> Double? {
            text.split(separator: "\n").first { $0.hasPrefix(prefix) }.flatMap { $0.split(separator: " ").last }.flatMap { Double($0) }
        }

        @Test("after cycles: by result, duration, open findings by severity, remediation transitions", .timeLimit(.minutes(5)))
        func afterCycles() async throws {
            let directory = try TemporaryDirectory(prefix: "bulwark-loop-metrics")
            let fixture = try FixtureRepository.create(
                in: directory.path, files: ["main.tf": PullRequestWebhookTests.unsafe])
            var reconciler: Reconciler?
            try await withServer(
                .sqlite,
                adjust: { environment in
                    var options = ScanOptions()
                    options.library = CheckLibrary.load(directory: ServerCanaryTests.checksDirectory)
                    let config = ReconcileConfig(
                        file: directory.path + "/bulwark.yaml", cacheDirectory: directory.path + "/git",
                        targets: [TargetConfig(name: "infra", repository: fixture.bare)])
                    let loop = Reconciler(
                        config: config, store: environment.store, scanner: CommitScanner(options: options), owner: "metrics")
                    environment.cycles = loop.requests
                    environment.targets = [.init(name: "infra", branch: "main", repository: fixture.bare)]
                    reconciler = loop
                }
            ) { server in
                let loop = try #require(reconciler)
                let before = try await server.request(.get, "/metrics").body
                #expect(!before.contains("bulwark_cycles_total") && !before.contains("bulwark_open_findings_count"))
                #expect(!before.contains("bulwark_remediation_transitions_total"))

                // A scan of the new commit, then the same commit again: nothing to do.
                #expect(await loop.runOnce().first?.reason == .succeeded)
                _ = await loop.runOnce()
                // A remediation proposed and approved outside the API, as the loop's stages do.
                let id = try await RemediationAPITests.request(server.store, "loop")
                _ = try await server.store.transitionRemediation(
                    id: id, from: [.proposed], to: .approved, actor: "loop", detail: "auto", at: Date())

                let after = try await server.request(.get, "/metrics").body
                #expect(Self.sample(after, #"bulwark_cycles_total{result="Succeeded"}"#) == 1)
                #expect(Self.sample(after, #"bulwark_cycles_total{result="Unchanged"}"#) == 1)
                #expect(Self.sample(after, "bulwark_cycle_duration_seconds_count") == 2)
                let open = after.split(separator: "\n").filter { $0.hasPrefix(#"bulwark_open_findings_count{target="infra""#) }
                #expect(open.count == 4)
                #expect(open.compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }.reduce(0, +) > 0)
                #expect(Self.sample(after, #"bulwark_remediation_transitions_total{to="approved"}"#) == 1)
            }
        }
    }
}
