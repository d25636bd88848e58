import Foundation
import Store
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `bulwark reconcile --once`, `status` and `report` as child processes: leases released on exit, skipped
/// targets reported, SIGTERM handled, and databases never created by commands that only read.
@Suite(.serialized) struct ReconcileOnceProcessTests {
    let remote: GitRemoteFixture
    let directory: String
    let database: String

    init() throws {
        remote = try GitRemoteFixture()
        directory = remote.root + "/controller"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        database = directory + "/bulwark.db"
    }

    /// Writes a config with one target `name` at `url`.
    func config(_ name: String, url: String, extra: String = "") throws -> String {
        let path = directory + "/bulwark-\(name).yaml"
        let text = """
            cacheDirectory: \(directory)/git
            targets:
              - name: \(name)
                repo: \(url)
                timeout: 60s
            \(extra)
            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func bulwark(_ arguments: [String]) throws -> Subprocess {
        try Subprocess(try BuiltProduct.path("bulwark", override: "BULWARK_EXECUTABLE"), arguments)
    }

    func reconcile(_ config: String, _ more: [String] = []) async throws -> Subprocess.Outcome {
        try await bulwark(
            [
                "reconcile", "--config", config, "--once", "--checks-dir", ReconcileLoopTests.checksDirectory,
                "--database", "sqlite:" + database,
            ] + more
        ).wait()
    }

    func leases() async throws -> [String] {
        let store = try await Store.open(.sqlite(path: database), access: .existing)
        defer { Task { await store.close() } }
        return try await store.withRead { connection in
            try connection.query("SELECT owner FROM leases", []).compactMap { $0.string("owner") }
        }
    }

    @Test(.timeLimit(.minutes(5))) func twoRunsInARowBothReconcileAndLeaveNoLease() async throws {
        _ = try remote.createRepository("cron", files: ["main.tf": ReconcileLoopTests.fixed])
        let config = try config("cron", url: remote.url("cron"))
        let first = try await reconcile(config)
        #expect(first.exitCode == 0, "\(first.output)")
        #expect(try await leases().isEmpty)
        let second = try await reconcile(config, ["--force"])
        #expect(second.exitCode == 0, "\(second.output)")
        #expect(!second.output.contains("LeaseHeld"))
        let store = try await Store.open(.sqlite(path: database), access: .existing)
        #expect(try await store.scans(target: "cron", limit: 10).count == 2)
        await store.close()
        #expect(try await leases().isEmpty)
    }

    @Test(.timeLimit(.minutes(5))) func aTargetLeasedByALiveProcessIsSkippedLoudly() async throws {
        _ = try remote.createRepository("held", files: ["main.tf": ReconcileLoopTests.fixed])
        let config = try config("held", url: remote.url("held"))
        // This test process is the live holder.
        let store = try await Store.open(.sqlite(path: database))
        #expect(try await store.claimLease(target: "held", owner: "other-replica", ttl: .seconds(600), now: Date()) == .taken)
        let run = try await reconcile(config)
        #expect(run.exitCode == 1, "\(run.output)")
        #expect(run.output.contains("LeaseHeld"))
        #expect(run.output.contains("Error: target held skipped: another live process holds the target's lease: other-replica"))
        #expect(try await store.scans(target: "held", limit: 10).isEmpty)
        await store.close()
    }

    @Test(.timeLimit(.minutes(5))) func sigtermDuringACycleStopsCleanlyWith143() async throws {
        // A git:// server that accepts and never answers: the clone hangs until the cycle is abandoned.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) } }
        #expect(listen(listener, 8) == 0)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let config = try config("hang", url: "git://127.0.0.1:\(port)/hang.git")
        let started = ContinuousClock.now
        let process = try bulwark(
            [
                "reconcile", "--config", config, "--once", "--checks-dir", ReconcileLoopTests.checksDirectory,
                "--database", "sqlite:" + database, "--shutdown-grace", "1s",
            ])
        // Wait until the cycle holds its lease (it then starts the clone).
        var leased = false
        for _ in 0..<200 where !leased {
            try await Task.sleep(for: .milliseconds(100))
            if FileManager.default.fileExists(atPath: database) { leased = ((try? await leases()) ?? []).count == 1 }
        }
        #expect(leased, "\(process.outputSoFar)")
        process.kill(SIGTERM)
        let outcome = await process.wait()
        #expect(outcome.exitCode == 143, "\(outcome.output)")
        #expect(outcome.signal == nil)
        #expect(outcome.output.contains("signal received"))
        #expect(outcome.output.contains("cycle abandoned at shutdown; nothing of it was stored"))
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(try await leases().isEmpty)
    }

    @Test(.timeLimit(.minutes(5))) func aCycleTheDatabaseRefusesIsReportedByTheRunAndByStatus() async throws {
        _ = try remote.createRepository("refused", files: ["main.tf": ReconcileLoopTests.fixed])
        let config = try config("refused", url: remote.url("refused"))
        #expect(try await reconcile(config).exitCode == 0)
        // From now on the database refuses scans and statuses, as a read-only one does.
        let store = try await Store.open(.sqlite(path: database), access: .existing)
        try await store.withTransaction { connection in
            for (table, event) in [("scans", "INSERT"), ("target_status", "INSERT"), ("target_status", "UPDATE")] {
                try connection.execute(
                    """
                    CREATE TRIGGER refuse_\(table)_\(event.lowercased()) BEFORE \(event) ON \(table)
                    BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END
                    """, [])
            }
        }
        await store.close()
        let run = try await reconcile(config, ["--force"])
        #expect(run.exitCode == 1, "\(run.output)")
        #expect(run.output.contains("Error: the status of target refused shown above could not be stored"))
        let status = try await bulwark(["status", "--config", config, "--database", "sqlite:" + database]).wait()
        #expect(status.exitCode == 1, "\(status.output)")
        #expect(status.output.contains("refused  False  Failed"))
        #expect(status.output.contains("Error: the last status of target refused is not in the database"))
        // Without the controller's record the database's (older) status is all `status` knows.
        let plain = try await bulwark(["status", "--database", "sqlite:" + database]).wait()
        #expect(plain.exitCode == 0 && plain.output.contains("refused  True   Succeeded"))
    }

    @Test func statusAndReportNeverCreateADatabase() async throws {
        let missing = directory + "/absent/bulwark.db"
        let status = try await bulwark(["status", "--database", "sqlite:" + missing]).wait()
        #expect(status.exitCode == 2)
        #expect(status.output.contains("no database file here"))
        #expect(status.output.contains(missing))
        let report = try await bulwark(["report", "--framework", "cis-aws", "--database", "sqlite:" + missing]).wait()
        #expect(report.exitCode == 2)
        #expect(report.output.contains("no database file here"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/absent"))
    }

    @Test(.timeLimit(.minutes(5))) func anEmptyDatabaseFileNeedsInit() async throws {
        _ = try remote.createRepository("fresh", files: ["main.tf": ReconcileLoopTests.fixed])
        let config = try config("fresh", url: remote.url("fresh"))
        #expect(FileManager.default.createFile(atPath: database, contents: Data()))
        let refused = try await reconcile(config)
        #expect(refused.exitCode == 2)
        #expect(refused.output.contains("the file is empty (0 bytes), not a Bulwark database; pass --init"))
        #expect((try FileManager.default.attributesOfItem(atPath: database)[.size] as? Int) == 0)
        let status = try await bulwark(["status", "--database", "sqlite:" + database]).wait()
        #expect(status.exitCode == 2 && status.output.contains("--init"))
        let initialised = try await reconcile(config, ["--init"])
        #expect(initialised.exitCode == 0, "\(initialised.output)")
    }

    @Test(.timeLimit(.minutes(5))) func configAndReportErrorsSayWhatIsWrong() async throws {
        _ = try remote.createRepository("named", files: ["main.tf": ReconcileLoopTests.fixed])
        let bad = try config("named", url: remote.url("named"), extra: "    frameworks: [nope]")
        let refused = try await reconcile(bad)
        #expect(refused.exitCode == 2)
        #expect(refused.output.contains("target 'named': unknown framework 'nope' (the check library defines aws-fsbp, cis-aws"))
        let good = try config("named", url: remote.url("named"), extra: "    frameworks: [cis-aws]")
        #expect(try await reconcile(good).exitCode == 0)
        let report = try await bulwark(["report", "--framework", "nope", "--database", "sqlite:" + database]).wait()
        #expect(report.exitCode == 2)
        #expect(report.output.contains("no compliance for framework 'nope': it is not a framework the scan recorded (recorded: cis-aws)"))
        let missingRepo = try config("named", url: directory + "/no-such-repo")
        let stalled = try await reconcile(missingRepo)
        #expect(stalled.exitCode == 1)
        #expect(stalled.output.contains("no repository at the local path \(directory)/no-such-repo"))
        #expect(!stalled.output.contains("unsupported URL protocol"))
    }
}
