import Foundation
import Store
import Testing

@testable import ControllerConfig
@testable import Reconciler

extension ReconcileLoopTests {
    static let broken = """
        resource "aws_s3_bucket" "half" {
          bucket = "x"
        """

    @Test(.timeLimit(.minutes(5)))
    func aPartialScanIsNotReadyAndNamesItsLoadErrors() async throws {
        let h = try await Harness()
        _ = try h.remote.createRepository("partial", files: ["main.tf": Self.fixed, "broken.tf": Self.broken])
        let reconciler = h.reconciler([h.target("partial")])
        let status = try #require(await reconciler.runOnce().first)
        #expect(status.ready == .false)
        #expect(status.reason == .partialScan)
        #expect(status.lastError?.contains("broken.tf") == true)
        #expect(status.message.contains("load error(s): what they hold was not checked"))
        // Stored like that too: `bulwark status` shows PartialScan, and a restart keeps it.
        let stored = try #require(try await h.store.targetStatus("partial"))
        #expect(stored.reason == "PartialScan" && stored.ready == "False" && stored.lastError?.contains("broken.tf") == true)
        // The same commit is not scanned again at every poll.
        _ = await reconciler.runOnce()
        #expect(try await h.store.scans(target: "partial", limit: 10).count == 1)
    }

    @Test(.timeLimit(.minutes(5)))
    func aStatusTheStoreCannotTakeIsKeptInMemoryAndReported() async throws {
        let h = try await Harness()
        _ = try h.remote.createRepository("readonly", files: ["main.tf": Self.fixed])
        let reconciler = h.reconciler([h.target("readonly")])
        #expect(await reconciler.runOnce().first?.reason == .succeeded)
        // From now on every write of a scan or a status fails, as on a read-only database.
        try await h.store.withTransaction { connection in
            for (table, event) in [("scans", "INSERT"), ("target_status", "INSERT"), ("target_status", "UPDATE")] {
                try connection.execute(
                    """
                    CREATE TRIGGER refuse_\(table)_\(event.lowercased()) BEFORE \(event) ON \(table)
                    BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END
                    """, [])
            }
        }
        let status = try #require(await reconciler.runOnce(force: true).first)
        #expect(status.ready == .false)
        #expect(status.reason == .failed)
        #expect(status.lastError?.contains("readonly database") == true)
        let unsaved = await reconciler.unsavedStatuses()
        #expect(unsaved["readonly"]?.contains("readonly database") == true)
        // The store still holds the earlier cycle: exactly what the report of the run has to warn about.
        #expect(try await h.store.targetStatus("readonly")?.reason == "Succeeded")
        // `bulwark status --config` finds the refused status beside the Git cache.
        let file = UnsavedStatusFile(cacheDirectory: h.directory + "/git")
        let kept = try #require(file.read()["readonly"])
        #expect(kept.status.reason == "Failed" && kept.storeError.contains("readonly database"))
        // Once the store takes statuses again the record goes away.
        try await h.store.withTransaction { connection in
            for name in ["refuse_scans_insert", "refuse_target_status_insert", "refuse_target_status_update"] {
                try connection.execute("DROP TRIGGER \(name)", [])
            }
        }
        #expect(await reconciler.runOnce(force: true).first?.reason == .succeeded)
        #expect(await reconciler.unsavedStatuses().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test(.timeLimit(.minutes(5)))
    func aTargetLeasedByAnotherLiveProcessIsReportedAsSkipped() async throws {
        let h = try await Harness()
        _ = try h.remote.createRepository("leased", files: ["main.tf": Self.fixed])
        // Held by another replica name of a live process on this host (this test's own process).
        #expect(try await h.store.claimLease(target: "leased", owner: "other-replica", ttl: .seconds(600), now: Date()) == .taken)
        let reconciler = h.reconciler([h.target("leased")])
        let status = try #require(await reconciler.runOnce().first)
        #expect(status.reason == .leaseHeld)
        #expect(status.ready == .unknown)
        #expect(status.message.contains("another live process holds the target's lease: other-replica ("))
        #expect(try await h.store.scans(target: "leased", limit: 10).isEmpty)
        // Releasing our leases leaves the other replica's alone.
        await reconciler.releaseLeases()
        #expect(try await h.store.leaseHolder(target: "leased")?.owner == "other-replica")
    }

    @Test(.timeLimit(.minutes(5)))
    func releasingLeasesAfterARunLetsTheNextProcessReconcileAtOnce() async throws {
        let h = try await Harness()
        _ = try h.remote.createRepository("cron", files: ["main.tf": Self.fixed])
        let first = h.reconciler([h.target("cron")])
        #expect(await first.runOnce().first?.reason == .succeeded)
        #expect(try await h.store.leaseHolder(target: "cron")?.owner == "test-replica")
        await first.releaseLeases()
        #expect(try await h.store.leaseHolder(target: "cron") == nil)
    }

    @Test func insecureTransportIsAnExplicitTargetSetting() throws {
        let yaml = """
            targets:
              - name: plain
                repo: http://git.internal.example/infra.git
                insecure: true
              - name: default
                repo: https://git.example/infra.git
            """
        let config = try ReconcileConfig.parse(yaml, file: "/tmp/bulwark.yaml")
        #expect(config.targets.map(\.allowInsecureHTTP) == [true, false])
        let wrong = #expect(throws: ConfigError.self) {
            try ReconcileConfig.parse("targets:\n  - name: a\n    repo: /r\n    insecure: yes please\n", file: "/tmp/b.yaml")
        }
        #expect(wrong?.message.contains("'insecure' must be true or false") == true)
    }

    @Test func configFilesThatAreNotTextOrNotThereSaySo() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-cfg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let binary = directory + "/bulwark.yaml"
        try Data([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff, 0xfe]).write(to: URL(fileURLWithPath: binary))
        let notText = #expect(throws: ConfigError.self) { try ReconcileConfig.load(file: binary) }
        #expect(notText?.message == "\(binary): is not a YAML text file (not UTF-8 text: a binary file?)")
        let missing = #expect(throws: ConfigError.self) { try ReconcileConfig.load(file: directory + "/none.yaml") }
        #expect(missing?.message == "\(directory)/none.yaml: no such file")
        let folder = #expect(throws: ConfigError.self) { try ReconcileConfig.load(file: directory) }
        #expect(folder?.message == "\(directory): is a directory, not a config file")
    }

    @Test func anUnknownFrameworkInTheConfigIsAnError() throws {
        let config = try ReconcileConfig.parse(
            "targets:\n  - name: a\n    repo: /r\n    frameworks: [cis-aws, nope]\n", file: "/tmp/bulwark.yaml")
        let error = #expect(throws: ConfigError.self) { try config.validateFrameworks(known: ["cis-aws", "cis-azure"]) }
        #expect(
            error?.message
                == "/tmp/bulwark.yaml: target 'a': unknown framework 'nope' (the check library defines cis-aws, cis-azure)")
        try config.validateFrameworks(known: ["cis-aws", "nope"])
    }
}
