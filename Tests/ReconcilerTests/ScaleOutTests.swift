import Foundation
import Store
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Three real `bulwark reconcile` processes sharing one PostgreSQL and thirty targets. Row leases must give each
/// target one replica at a time: every commit is scanned exactly once, the work is spread, a killed replica's
/// targets move to the survivors after the lease expiry, and a replica stopped with SIGTERM exits 0 and hands
/// its leases back.
@Suite(.serialized) struct ScaleOutTests {
    static let repositories = ["svc0", "svc1", "svc2", "svc3", "svc4"]
    static let branches = ["main", "staging", "prod"]
    static let paths = ["a", "b"]
    static let replicaNames = ["replica-a", "replica-b", "replica-c"]

    /// One configured target: which repository, branch and root module it follows.
    struct Target: Sendable {
        let repository: String
        let branch: String
        let path: String
        var name: String { "\(repository)-\(branch)-\(path)" }
        /// The key of the branch whose head the target follows.
        var head: String { "\(repository)/\(branch)" }
    }

    /// 5 repositories × 3 branches × 2 root modules.
    static let targets: [Target] = repositories.flatMap { repository in
        branches.flatMap { branch in paths.map { Target(repository: repository, branch: branch, path: $0) } }
    }

    static func terraform(_ repository: String, _ path: String, revision: Int) -> String {
        """
        resource "aws_s3_bucket" "data" {
          bucket = "\(repository)-\(path)-r\(revision)"
        }
        """
    }

    /// A replica's bulwark.yaml: the thirty targets, fast polling, a short lease, its own Git cache.
    static func config(remote: GitRemoteFixture, cache: String) -> String {
        var text = """
            cacheDirectory: \(cache)
            checksDirectory: \(ReconcileLoopTests.checksDirectory)
            concurrency: 4
            leaseDuration: 4s
            targets:

            """
        for target in targets {
            text += """
                  - name: \(target.name)
                    repo: \(remote.url(target.repository))
                    branch: \(target.branch)
                    paths:
                      - envs/\(target.path)
                    interval: 1h
                    pollInterval: 1s
                    jitter: 0.1
                    timeout: 30s

                """
        }
        return text
    }

    @Test("three replicas over thirty targets: each commit scanned once, takeover after SIGKILL, clean SIGTERM")
    func threeReplicas() async throws {
        // A server of its own: the test kills clients and would disturb tests sharing one.
        let server = PostgresTestServer()
        do {
            try await scaleOut(database: try await server.createDatabase())
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    private func scaleOut(database: String) async throws {
        let remote = try GitRemoteFixture()
        let directory = remote.root + "/controller"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var works: [String: String] = [:]
        var heads: [String: String] = [:]
        for repository in Self.repositories {
            let work = try remote.createRepository(
                repository,
                files: [
                    "envs/a/main.tf": Self.terraform(repository, "a", revision: 0),
                    "envs/b/main.tf": Self.terraform(repository, "b", revision: 0),
                ])
            let sha = try remote.git(["-C", work, "rev-parse", "HEAD"])
            for branch in Self.branches where branch != "main" {
                try remote.git(["-C", work, "push", "-q", "origin", "HEAD:refs/heads/" + branch])
            }
            for branch in Self.branches { heads["\(repository)/\(branch)"] = sha }
            works[repository] = work
        }
        /// Commits a new revision of `envs/a` on `branch` of `repository` and pushes it; returns the SHA.
        func push(_ repository: String, _ branch: String, revision: Int) throws -> String {
            guard let work = works[repository] else { throw TestFailure("no work tree for \(repository)") }
            try remote.git(["-C", work, "fetch", "-q", "origin"])
            try remote.git(["-C", work, "checkout", "-q", "-B", branch, "origin/" + branch])
            let sha = try remote.commit(
                work, files: ["envs/a/main.tf": Self.terraform(repository, "a", revision: revision)],
                message: "revision \(revision)")
            try remote.git(["-C", work, "push", "-q", "origin", "HEAD:refs/heads/" + branch])
            return sha
        }

        var replicas: [ReplicaProcess] = []
        defer { replicas.forEach { $0.stop() } }
        for name in Self.replicaNames {
            let config = directory + "/\(name).yaml"
            try Self.config(remote: remote, cache: directory + "/cache-\(name)").write(toFile: config, atomically: true, encoding: .utf8)
            replicas.append(try ReplicaProcess(name: name, config: config, database: database, directory: directory))
        }
        let store = try await Store.open(.postgres(conninfo: database, poolSize: 2))
        let all = replicas
        // Phase durations, printed for the record (never asserted).
        let clock = ContinuousClock()
        var phases: [(String, Duration)] = []
        var phaseStart = clock.now
        func phase(_ name: String) {
            phases.append((name, clock.now - phaseStart))
            phaseStart = clock.now
        }

        // 1. Every target's first commit is scanned once, by more than one replica between them.
        var expected = heads
        let first = try await ClusterSnapshot.waitUntil("every target's first commit is stored", store: store, replicas: all) { s in
            Self.targets.allSatisfy {
                s.count($0.name, expected[$0.head] ?? "") >= 1 && s.observed[$0.name]?.hasSuffix(expected[$0.head] ?? "-") == true
            }
        }
        for target in Self.targets {
            #expect(first.count(target.name, expected[target.head] ?? "") == 1, "\(target.name) scanned more than once")
        }
        phase("first round (30 clones + scans)")
        let spread = first.statusOwners.values.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        print("ScaleOutTests: targets per replica after the first round: \(spread.sorted { $0.key < $1.key })")
        #expect(spread.count > 1, "one replica did all the work: \(spread)")
        #expect(Set(spread.keys).isSubset(of: Set(Self.replicaNames)))

        // 2. New commits on two branches: each scanned exactly once.
        heads["svc0/main"] = try push("svc0", "main", revision: 1)
        heads["svc3/prod"] = try push("svc3", "prod", revision: 1)
        expected = heads
        let pushed = Self.targets.filter { $0.head == "svc0/main" || $0.head == "svc3/prod" }
        let second = try await ClusterSnapshot.waitUntil("the pushed commits are stored", store: store, replicas: all) { s in
            pushed.allSatisfy { s.count($0.name, expected[$0.head] ?? "") >= 1 }
        }
        phase("2 pushes -> 4 scans")
        for target in pushed {
            #expect(second.count(target.name, expected[target.head] ?? "") == 1, "\(target.name): new commit scanned more than once")
        }

        // 3. SIGKILL the replica holding the most leases: after the expiry the survivors take its targets, and a
        //    commit pushed to one of them is scanned by a survivor.
        guard let victimName = second.leasesPerReplica.max(by: { $0.value < $1.value })?.key,
            let victim = replicas.first(where: { $0.name == victimName })
        else {
            throw TestFailure("no replica holds a lease: \(second.leases)")
        }
        let orphaned = Set(second.leases.filter { $0.value == victimName }.keys)
        victim.signal(SIGKILL)
        #expect(await victim.waitForExit(timeout: .seconds(10)) == .signalled(SIGKILL))
        let survivors = Set(Self.replicaNames).subtracting([victimName])
        guard let moved = Self.targets.first(where: { orphaned.contains($0.name) }) else {
            throw TestFailure("\(victimName) held no configured target")
        }
        heads[moved.head] = try push(moved.repository, moved.branch, revision: 2)
        expected = heads
        let third = try await ClusterSnapshot.waitUntil("the survivors took \(victimName)'s targets", store: store, replicas: all) { s in
            orphaned.allSatisfy { s.leases[$0].map(survivors.contains) ?? false }
                && s.count(moved.name, expected[moved.head] ?? "") >= 1
        }
        phase("SIGKILL -> takeover of \(orphaned.count) targets + 1 push scanned")
        #expect(third.count(moved.name, expected[moved.head] ?? "") == 1)
        #expect(
            third.statusOwners[moved.name].map(survivors.contains) == true,
            "\(moved.name) was reconciled by \(third.statusOwners[moved.name] ?? "nobody")")
        #expect(third.observed[moved.name]?.hasSuffix(expected[moved.head] ?? "-") == true)

        // 4. SIGTERM one survivor: it exits 0 and releases its leases, which the last replica then takes.
        let stoppedName = survivors.sorted()[0]
        guard let stopped = replicas.first(where: { $0.name == stoppedName }) else { throw TestFailure("no \(stoppedName)") }
        let lastName = survivors.sorted()[1]
        stopped.signal(SIGTERM)
        let termination = await stopped.waitForExit(timeout: .seconds(40))
        #expect(termination == .exited(0), "\(stoppedName) ended with \(String(describing: termination))\n\(stopped.logTail())")
        let afterStop = try await ClusterSnapshot.load(store)
        #expect(!afterStop.leases.values.contains(stoppedName), "\(stoppedName) kept leases after a graceful stop")
        let last = try await ClusterSnapshot.waitUntil("\(lastName) holds every lease", store: store, replicas: all) { s in
            s.leases.count == Self.targets.count && s.leases.values.allSatisfy { $0 == lastName }
        }

        phase("SIGTERM -> exit 0 + leases handed over")
        print(
            "ScaleOutTests: "
                + phases.map { "\($0.0): \($0.1.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 1))))" }
                .joined(separator: "; "))

        // Across the whole run: no commit of a target stored twice, no two scans of a target overlapping in time,
        // and every target observed at its branch's head.
        #expect(last.duplicates.isEmpty, "scanned more than once: \(last.duplicates)")
        #expect(last.overlaps.isEmpty, "overlapping scans: \(last.overlaps)")
        for target in Self.targets {
            #expect(
                last.observed[target.name]?.hasSuffix(heads[target.head] ?? "-") == true,
                "\(target.name) observed \(last.observed[target.name] ?? "nothing")")
        }
        await store.close()
    }
}
