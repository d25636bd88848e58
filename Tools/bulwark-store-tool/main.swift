import Foundation
import Store

// Developer tool behind the store tests and bench/store-bench.sh. Commands:
//   write-synthetic --url URL --findings N [--target T] [--commit SHA] [--pass-every K] [--row-by-row]
//                   [--pause-after ROWS --ready-file PATH]   (pause: hold the transaction open until killed)
//   read-summary    --url URL [--target T]
//   bench           --url URL --findings N                   (bulk write, summary read, row-by-row write)

/// Parsed `--name value` options and `--flag`s.
struct ToolArguments {
    var command: String
    var options: [String: String] = [:]
    var flags: Set<String> = []

    init(_ arguments: [String]) throws {
        guard let first = arguments.first else { throw ToolError("usage: bulwark-store-tool COMMAND [options]") }
        command = first
        var rest = arguments.dropFirst()
        while let word = rest.popFirst() {
            guard word.hasPrefix("--") else { throw ToolError("unexpected argument \(word)") }
            let name = String(word.dropFirst(2))
            if ["row-by-row"].contains(name) {
                flags.insert(name)
            } else if let value = rest.popFirst() {
                options[name] = value
            } else {
                throw ToolError("option --\(name) needs a value")
            }
        }
    }

    func int(_ name: String, default value: Int) throws -> Int {
        guard let text = options[name] else { return value }
        guard let number = Int(text), number >= 0 else { throw ToolError("--\(name) must be a whole number ≥ 0") }
        return number
    }
}

/// A usage or input error of the tool.
struct ToolError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Seconds since `start`, for the printed figures.
func elapsed(since start: ContinuousClock.Instant) -> Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

func openStore(_ arguments: ToolArguments) async throws -> Store {
    let configuration = try StoreConfiguration.resolve(
        url: arguments.options["url"], environment: ProcessInfo.processInfo.environment,
        workingDirectory: FileManager.default.currentDirectoryPath)
    return try await Store.open(configuration)
}

func writeSynthetic(_ arguments: ToolArguments) async throws {
    let store = try await openStore(arguments)
    let scan = SyntheticScan.make(
        target: arguments.options["target"] ?? "synthetic", commit: arguments.options["commit"] ?? "0000000000",
        findings: try arguments.int("findings", default: 1000), passEvery: try arguments.int("pass-every", default: 0))
    var options = RecordScanOptions(rowByRow: arguments.flags.contains("row-by-row"))
    if let pauseAfter = arguments.options["pause-after"], let rows = Int(pauseAfter) {
        let readyFile = arguments.options["ready-file"]
        options.progressInterval = max(1, rows)
        options.onProgress = { _ in
            // The transaction is open and half written: announce it, then wait to be killed.
            if let readyFile { _ = FileManager.default.createFile(atPath: readyFile, contents: Data("ready\n".utf8)) }
            while true { Thread.sleep(forTimeInterval: 1) }
        }
    }
    let start = ContinuousClock.now
    let recorded = try await store.recordScan(scan, options: options)
    let seconds = elapsed(since: start)
    print(
        "scan_id=\(recorded.scanID) new=\(recorded.newFindings) resolved=\(recorded.resolvedFindings) "
            + "open=\(recorded.openFindings) rows=\(scan.findings.count) seconds=\(String(format: "%.3f", seconds))")
    await store.close()
}

func readSummary(_ arguments: ToolArguments) async throws {
    let store = try await openStore(arguments)
    let start = ContinuousClock.now
    guard let scan = try await store.latestScan(target: arguments.options["target"]) else {
        throw ToolError("no scan recorded")
    }
    let controls = try await store.compliance(scanID: scan.id, framework: nil)
    let passed = controls.filter { $0.status == .passed }.count
    let failed = controls.filter { $0.status == .failed }.count
    print(
        "scan_id=\(scan.id) commit=\(scan.commit) controls=\(controls.count) passed=\(passed) failed=\(failed) "
            + "seconds=\(String(format: "%.3f", elapsed(since: start)))")
    await store.close()
}

do {
    let arguments = try ToolArguments(Array(CommandLine.arguments.dropFirst()))
    switch arguments.command {
    case "write-synthetic": try await writeSynthetic(arguments)
    case "read-summary": try await readSummary(arguments)
    case "bench": try await StoreBench(arguments: arguments).run()
    default: throw ToolError("unknown command \(arguments.command)")
    }
} catch {
    FileHandle.standardError.write(Data("bulwark-store-tool: \(error)\n".utf8))
    exit(1)
}
