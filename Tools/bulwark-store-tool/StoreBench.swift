import Foundation
import Store

#if canImport(Glibc)
import Glibc
#endif

/// `bench`: one 100k-finding scan written in bulk, the latest compliance summary read back, the same target
/// re-scanned (the steady state), and the naive row-by-row insert — wall time and CPU time of each.
///
/// CPU is this process's (all of SQLite's work) plus, on PostgreSQL, the server backends of this database read
/// from /proc, so figures stay comparable on a machine shared with other work.
struct StoreBench {
    let arguments: ToolArguments

    func run() async throws {
        let store = try await openStore(arguments)
        let n = try arguments.int("findings", default: 100_000)
        let backend = store.backendName
        func measure(_ label: String, _ work: () async throws -> Void) async throws -> Double {
            let cpuBefore = try await cpuSeconds(store)
            let start = ContinuousClock.now
            try await work()
            let wall = elapsed(since: start)
            let cpu = try await cpuSeconds(store) - cpuBefore
            let name = label + String(repeating: " ", count: max(0, 24 - label.count))
            print(
                "\(backend) \(name) "
                    + String(
                        format: "wall %7.3f s  %7.2f µs/row   cpu %7.3f s  %7.2f µs/row",
                        wall, wall * 1e6 / Double(max(n, 1)), cpu, cpu * 1e6 / Double(max(n, 1))))
            return wall
        }
        let first = SyntheticScan.make(target: "bench-bulk", commit: "1111111111", findings: n, passEvery: 0)
        let bulk = try await measure("write (bulk)") { _ = try await store.recordScan(first) }
        var controls = 0
        let read = try await measure("read latest compliance") {
            guard let latest = try await store.latestScan(target: "bench-bulk") else { throw ToolError("no scan") }
            controls = try await store.compliance(scanID: latest.id, framework: "cis-aws").count
        }
        print("\(backend) write + read             " + String(format: "wall %7.3f s   (%d controls read)", bulk + read, controls))
        let again = SyntheticScan.make(target: "bench-bulk", commit: "3333333333", findings: n, passEvery: 0)
        _ = try await measure("re-scan, same findings") { _ = try await store.recordScan(again) }
        let naiveScan = SyntheticScan.make(target: "bench-naive", commit: "2222222222", findings: n, passEvery: 0)
        let naive = try await measure("write (row-by-row)") {
            _ = try await store.recordScan(naiveScan, options: RecordScanOptions(rowByRow: true))
        }
        print("\(backend) ratio row-by-row / bulk  " + String(format: "%.2fx (wall)", naive / bulk))
        await store.close()
    }

    /// CPU seconds used so far by this process and, on PostgreSQL, by the backends connected to this database.
    private func cpuSeconds(_ store: Store) async throws -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        var total =
            Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        guard store.backendName == "postgresql" else { return total }
        let pids = try await store.withRead { connection in
            try connection.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database()", [])
                .compactMap { $0[0].int64 }
        }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        for pid in pids {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // Fields after "(comm)": state is field 3, utime 14, stime 15.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) {
                total += (user + system) / ticks
            }
        }
        return total
    }
}
