// Developer tool for bench/anomaly-vs-sklearn.sh: runs the harness, exports its feature matrices as CSV,
// and times our Isolation Forest (fit, batch scoring, one-event scoring). Not part of the product.
import Anomaly
import AnomalyEvaluation
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("anomaly-bench: \(message)\n".utf8))
    exit(2)
}

func option(_ name: String, _ args: [String]) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

func catalog() -> SensitiveActionCatalog {
    let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let exe = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    guard let url = SensitiveActionCatalog.locate(environment: ProcessInfo.processInfo.environment, searchFrom: [here, exe]) else {
        fail("checks/anomaly/sensitive-actions.json not found")
    }
    do { return try SensitiveActionCatalog.load(from: url) } catch { fail("\(error)") }
}

func writeCSV(_ m: FeatureMatrix, labels: [Bool]?, to url: URL) throws {
    var header = Feature.allCases.map(\.name)
    if labels != nil { header.append("label") }
    var text = header.joined(separator: ",") + "\n"
    for i in 0..<m.rows {
        var fields = m.row(i).map { String($0) }
        if let labels { fields.append(labels[i] ? "1" : "0") }
        text += fields.joined(separator: ",") + "\n"
    }
    try text.write(to: url, atomically: true, encoding: .utf8)
}

func readCSV(_ url: URL) throws -> (FeatureMatrix, [Bool]?) {
    let text = try String(contentsOf: url, encoding: .utf8)
    var lines = text.split(separator: "\n")
    guard !lines.isEmpty else { fail("\(url.path): empty") }
    let header = lines.removeFirst().split(separator: ",")
    let labelled = header.last == "label"
    let columns = header.count - (labelled ? 1 : 0)
    var values: [Float] = []
    var labels: [Bool] = []
    for line in lines {
        let fields = line.split(separator: ",")
        guard fields.count == header.count else { fail("\(url.path): ragged row") }
        for f in fields.prefix(columns) { values.append(Float(f) ?? .nan) }
        if labelled { labels.append(fields.last == "1") }
    }
    return (try FeatureMatrix(columns: columns, values: values), labelled ? labels : nil)
}

/// The arguments after the mode that are not options (options take one value each, `--general` none).
func paths(_ args: [String]) -> [String] {
    var paths: [String] = []
    var rest = Array(args.dropFirst())[...]
    while let arg = rest.popFirst() {
        if arg == "--general" { continue }
        if arg.hasPrefix("--") { _ = rest.popFirst() } else { paths.append(arg) }
    }
    return paths
}

/// CPU seconds of this (single-threaded) process spent in `body`: the machine is shared with builds, and CPU
/// time is what "one core" means; wall time would count the time other processes held the core.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
    let start = now()
    try body()
    return now() - start
}

/// `count` rows cycling through `m`'s rows.
func replicate(_ m: FeatureMatrix, rows count: Int) throws -> FeatureMatrix {
    var values = [Float]()
    values.reserveCapacity(count * m.columns)
    for i in 0..<count { values.append(contentsOf: m.row(i % m.rows)) }
    return try FeatureMatrix(columns: m.columns, values: values)
}

let args = Array(CommandLine.arguments.dropFirst())
let seed = UInt64(option("--seed", args) ?? "7") ?? 7
do {
    switch args.first {
    case "evaluate", "export":
        let dir =
            option("--logs", args).map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-harness-\(seed)-\(getpid())")
        let cat = catalog()
        var options = Evaluation.Options()
        options.generator.seed = seed
        if let days = option("--train-days", args).flatMap(Int.init) { options.generator.trainDays = days }
        if args.contains("--no-hard-cases") { options.generator.hardCases = false }
        let opts = options
        let report = try BlockingRun.run { try await Evaluation.run(opts, directory: dir, catalog: cat) }
        print(report.text)
        // One machine-readable line for bench/anomaly-heldout.sh.
        let hardWindows = report.hardCaseWindows.values.reduce(0, +)
        let hardFalse = report.hardCaseFalseAlerts.values.reduce(0, +)
        print(
            "summary seed=\(seed) train_days=\(opts.generator.trainDays) training_windows=\(report.trainingWindows) "
                + String(format: "threshold=%.4f ", report.threshold)
                + "benign=\(report.benignWindows) false=\(report.falseAlertWindows) hard=\(hardWindows) hard_false=\(hardFalse) "
                + "attacks=\(report.attacks.filter(\.detected).count)/\(report.attacks.count) "
                + "insiders=\(report.insiders.filter(\.detected).count)/\(report.insiders.count) "
                + String(format: "window_recall=%.4f precision=%.4f", report.recall, report.precision))
        if let who = option("--alerts-of", args) {
            for alert in report.alerts where alert.principal.contains(who) { print(alert.text) }
        }
        if args.first == "export" {
            guard let out = option("--out", args) else { fail("export needs --out DIR") }
            let outURL = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: outURL, withIntermediateDirectories: true)
            try writeCSV(report.trainMatrix, labels: nil, to: outURL.appendingPathComponent("train.csv"))
            try writeCSV(report.testMatrix, labels: report.testLabels, to: outURL.appendingPathComponent("test.csv"))
            // The model's own scores of the same test windows and its threshold, for the agreement with scikit-learn.
            let scores = try report.model.forest.scores(report.testMatrix)
            let scoreText = "score\n" + scores.map { String(format: "%.6f", $0) }.joined(separator: "\n") + "\n"
            try Data(scoreText.utf8).write(to: outURL.appendingPathComponent("test-scores.csv"))
            try Data(String(format: "%.6f\n", report.threshold).utf8).write(to: outURL.appendingPathComponent("threshold.txt"))
            print("exported \(report.trainMatrix.rows) training rows and \(report.testMatrix.rows) test rows to \(out)")
        }
        if option("--logs", args) == nil { try? FileManager.default.removeItem(at: dir) }
    case "ingest":
        // End to end as `anomaly train` reads: stream every file, window and profile every event.
        var learner = try Trainer.learner(catalog: catalog())
        let maxObject = Int(option("--max-object-size", args) ?? "") ?? LogParser.defaultMaxObjectBytes
        let report = LogFileReader(parser: LogParser(maxObjectBytes: maxObject)).read(paths(args)) { _ = learner.process($0) }
        _ = learner.flush()
        FileHandle.standardError.write(Data((report.summary + "\n").utf8))
        print("ingest.events=\(report.ingested)")
        print("ingest.principals=\(learner.profiles.count)")
        if report.readProblem != nil { exit(2) }
    case "train":
        // A model for `score` from the files given (warm-up 0: bench histories are short).
        guard let modelPath = option("--model", args) else { fail("train needs --model FILE") }
        var options = Trainer.Options()
        options.warmupSeconds = 0
        var learner = try Trainer.learner(catalog: catalog(), options: options)
        let report = LogFileReader().read(paths(args)) { _ = learner.process($0) }
        let result = try Trainer.fit(learner, options: options)
        try result.model.write(to: URL(fileURLWithPath: modelPath))
        print("trained on \(report.ingested) events, \(result.model.trainingWindows) windows")
    case "score":
        // End to end as `anomaly score` runs: stream, detections on every event, windows scored by the model.
        let cat = catalog()
        var detector: Detector
        if let modelPath = option("--model", args) {
            detector = Detector(model: try AnomalyModel.read(from: URL(fileURLWithPath: modelPath)), catalog: cat)
        } else {
            detector = Detector(windowSeconds: 3600, catalog: cat)
            detector.warmupSeconds = .infinity
        }
        var parser = LogParser(maxObjectBytes: Int(option("--max-object-size", args) ?? "") ?? LogParser.defaultMaxObjectBytes)
        // The reference reader (`JSONSerialization` for every record), to compare alerts with.
        parser.scanRecords = !args.contains("--general")
        var alerts: [Alert] = []
        var windows = 0
        let report = LogFileReader(parser: parser).read(paths(args)) { events in
            let batch = detector.process(events)
            alerts += batch.alerts
            windows += batch.closed.count
        }
        let last = detector.flush()
        alerts += last.alerts
        windows += last.closed.count
        alerts.sort { ($0.windowStart, $0.principal) < ($1.windowStart, $1.principal) }
        if let out = option("--alerts", args) {
            try Data(alerts.map { PrintAlertSink.jsonLine($0) + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: out))
        }
        FileHandle.standardError.write(Data((report.summary + "\n").utf8))
        print("ingest.events=\(report.ingested)")
        print("score.windows=\(windows)")
        print("score.alerts=\(alerts.count)")
        if report.readProblem != nil { exit(2) }
    case "bench":
        guard let train = option("--train", args), let test = option("--test", args) else { fail("bench needs --train and --test") }
        let (trainM, _) = try readCSV(URL(fileURLWithPath: train))
        let (testM, labelsOpt) = try readCSV(URL(fileURLWithPath: test))
        guard let labels = labelsOpt else { fail("test CSV needs a label column") }
        let params = IsolationForest.Parameters(trees: 100, sampleSize: 256, seed: seed)
        let forest = try IsolationForest.fit(trainM, parameters: params)
        let testScores = try forest.scores(testM)
        let auc = ROC.auc(scores: testScores, labels: labels) ?? .nan
        // Fit on 100k rows.
        let big = try replicate(trainM, rows: 100_000)
        var fitTimes: [Double] = []
        for r in 0..<5 {
            fitTimes.append(
                try seconds { _ = try IsolationForest.fit(big, parameters: .init(trees: 100, sampleSize: 256, seed: seed &+ UInt64(r))) })
        }
        // Batch scoring on 1M rows (best of 3).
        let rows = Int(option("--rows", args) ?? "1000000") ?? 1_000_000
        let batch = try replicate(testM, rows: rows)
        var best = Double.infinity
        var checksum = 0.0
        for _ in 0..<3 {
            best = min(best, try seconds { checksum += try forest.scores(batch).reduce(0, +) })
        }
        // One event at a time.
        let singles = 20_000
        let oneRow = Array(testM.row(0))
        let single = seconds {
            for i in 0..<singles { checksum += forest.score(i % 2 == 0 ? oneRow : Array(testM.row(i % testM.rows))) }
        }
        let singleNoCopy = oneRow.withUnsafeBufferPointer { row in
            seconds { for _ in 0..<singles { checksum += forest.score(row) } }
        }
        let fitMedian = fitTimes.sorted()[fitTimes.count / 2]
        print(String(format: "ours.auc=%.6f", auc))
        print(String(format: "ours.fit100k_s=%.6f", fitMedian))
        print(String(format: "ours.batch_rows_per_s=%.0f", Double(rows) / best))
        print(String(format: "ours.single_us=%.3f", single / Double(singles) * 1e6))
        print(String(format: "ours.single_nocopy_us=%.3f", singleNoCopy / Double(singles) * 1e6))
        print(String(format: "ours.checksum=%.3f", checksum))
    default:
        fail(
            "usage: anomaly-bench evaluate|export|bench|ingest|train|score [--seed N] [--train-days N] [--no-hard-cases] [--alerts-of TEXT] [--out DIR] [--train CSV --test CSV] [--rows N]"
        )
    }
} catch {
    fail("\(error)")
}
