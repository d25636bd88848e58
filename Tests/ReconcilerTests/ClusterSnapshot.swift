import Foundation
import Store
import TestSupport

/// What the replicas of the scale-out test have written to the shared database: scans, target statuses, leases.
struct ClusterSnapshot: Sendable {
    /// One stored scan of a target.
    struct Scan: Sendable {
        let target: String
        let commit: String
        let startedAt: Int64
        let finishedAt: Int64
    }

    var scans: [Scan] = []
    /// Target → the replica that saved its status last (the one that reconciled it).
    var statusOwners: [String: String] = [:]
    /// Target → its `lastObservedCommit` (`branch@sha1:<sha>`).
    var observed: [String: String] = [:]
    /// Target → the replica holding its lease.
    var leases: [String: String] = [:]

    /// Reads the three tables.
    static func load(_ store: Store) async throws -> ClusterSnapshot {
        try await store.withRead { connection in
            var snapshot = ClusterSnapshot()
            snapshot.scans = try connection.query(
                """
                SELECT t.name AS target, s.commit_sha AS commit_sha, s.started_at AS started_at, s.finished_at AS finished_at
                FROM scans s JOIN targets t ON t.id = s.target_id ORDER BY t.name, s.started_at
                """, []
            ).map {
                Scan(
                    target: $0.string("target") ?? "", commit: $0.string("commit_sha") ?? "",
                    startedAt: $0.int64("started_at") ?? 0, finishedAt: $0.int64("finished_at") ?? 0)
            }
            for row in try connection.query("SELECT target, owner, last_observed_commit FROM target_status", []) {
                guard let target = row.string("target") else { continue }
                snapshot.statusOwners[target] = row.string("owner")
                snapshot.observed[target] = row.string("last_observed_commit")
            }
            for row in try connection.query("SELECT target, owner FROM leases", []) {
                guard let target = row.string("target") else { continue }
                snapshot.leases[target] = row.string("owner")
            }
            return snapshot
        }
    }

    /// How many stored scans `target` has of `commit`.
    func count(_ target: String, _ commit: String) -> Int {
        scans.count { $0.target == target && $0.commit == commit }
    }

    /// `target@commit` pairs stored more than once.
    var duplicates: [String] {
        Dictionary(grouping: scans, by: { "\($0.target)@\($0.commit.prefix(12))" }).filter { $0.value.count > 1 }.keys.sorted()
    }

    /// Targets with two stored scans whose [started, finished] spans overlap.
    var overlaps: [String] {
        Dictionary(grouping: scans, by: \.target).compactMap { target, scans in
            let ordered = scans.sorted { $0.startedAt < $1.startedAt }
            return zip(ordered, ordered.dropFirst()).contains { $0.finishedAt > $1.startedAt } ? target : nil
        }.sorted()
    }

    /// Replica → how many targets it holds the lease of.
    var leasesPerReplica: [String: Int] {
        leases.values.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// Polls the database until `condition` holds, for at most `timeout`; the failure names what was awaited and
    /// shows the replicas' last log lines.
    static func waitUntil(
        _ what: String, store: Store, replicas: [ReplicaProcess], timeout: Duration = .seconds(60),
        _ condition: (ClusterSnapshot) -> Bool
    ) async throws -> ClusterSnapshot {
        let deadline = ContinuousClock.now + timeout
        while true {
            let snapshot = try await load(store)
            if condition(snapshot) { return snapshot }
            guard ContinuousClock.now < deadline else {
                throw TestFailure(
                    "timed out waiting until \(what); leases \(snapshot.leasesPerReplica)\n"
                        + replicas.map { $0.logTail() }.joined(separator: "\n"))
            }
            try await Task.sleep(for: .milliseconds(250))
        }
    }
}
