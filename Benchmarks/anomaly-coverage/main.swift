// Developer tool for bench/anomaly-coverage.sh: runs every attack technique of the harness through the
// detection library (rules only) and prints the Markdown table of docs/anomaly.md. Not part of the product.
//
//   anomaly-coverage [--detections-dir DIR] [--keep DIR]
//
// Exit status: 0 when every technique is detected, 1 when one is not, 2 on an error.
import Anomaly
import AnomalyEvaluation
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("anomaly-coverage: \(message)\n".utf8))
    exit(2)
}

func option(_ name: String, _ args: [String]) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

/// Runs the coverage and prints it; the exit status.
func runCoverage() -> Int32 {
    let args = Array(CommandLine.arguments.dropFirst())
    let library: DetectionLibrary
    do {
        library = try option("--detections-dir", args).map { try DetectionLibrary.load(directory: URL(fileURLWithPath: $0)) } ?? .builtin
    } catch {
        fail("\(error)")
    }
    for d in library.diagnostics { FileHandle.standardError.write(Data("\(d)\n".utf8)) }
    let keep = option("--keep", args)
    let directory =
        keep.map { URL(fileURLWithPath: $0) }
        ?? FileManager.default.temporaryDirectory.appendingPathComponent("anomaly-coverage-\(UUID().uuidString)")
    let rules = RuleSet(library: library)
    let report: TechniqueCoverage.Report
    do {
        report = try BlockingRun.run { try await TechniqueCoverage.run(rules: rules, directory: directory) }
    } catch {
        fail("\(error)")
    }
    if keep == nil { try? FileManager.default.removeItem(at: directory) }
    print("detections: \(library.detections.count) (\(library.origin)); log objects written: \(report.objects); \(report.ingest.summary)")
    print("")
    print(report.markdown)
    return report.detectedCount == report.results.count ? 0 : 1
}

exit(runCoverage())
