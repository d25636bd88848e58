import Foundation

/// Reads local log files and directory trees from start to end (no cursor) as one stream of events in time
/// order: files are taken in the order of the time in their CloudTrail names, each file is streamed (never read
/// whole), and events pass through a reorder buffer. Memory is bounded by the buffer and one record, not by the
/// input. Runs on the calling thread: file reads block, so call it from a thread, not the cooperative pool.
public struct LogFileReader {
    public var parser: LogParser
    public var reorderTolerance: Double = 900

    /// A reader parsing with `parser`.
    public init(parser: LogParser = LogParser()) { self.parser = parser }

    /// Streams every log file under `paths` to `onEvents`; returns what was read. A path that does not exist,
    /// a file that cannot be opened, and a directory holding no log file are reported, not thrown.
    public func read(_ paths: [String], onEvents: ([ActivityEvent]) -> Void) -> IngestReport {
        var report = IngestReport()
        var files: [(path: String, key: String, size: Int)] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                var file = IngestReport.FileReport(key: path)
                file.error = AnomalyError(.io, "no such file or directory", location: path)
                report.files.append(file)
                continue
            }
            if isDirectory.boolValue {
                let root = URL(fileURLWithPath: path).standardizedFileURL
                let found = LocalDirectorySource.logFiles(under: root)
                if found.isEmpty { report.emptyDirectories.append(path) }
                files += found.map { (root.appendingPathComponent($0.key).path, $0.key, $0.size) }
            } else {
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                files.append((path, path, size))
            }
        }
        // CloudTrail keys are region-major; their names carry the time, so reading by it keeps regions interleaved.
        files.sort { (Self.nameTime($0.key) ?? "", $0.key) < (Self.nameTime($1.key) ?? "", $1.key) }
        var buffer = EventReorderBuffer(tolerance: reorderTolerance)
        for file in files {
            var fileReport: IngestReport.FileReport
            if file.size > parser.maxObjectBytes {
                fileReport = IngestReport.FileReport(key: file.key)
                fileReport.error = AnomalyError(
                    .tooLarge, "file is \(file.size) bytes, over the limit of \(parser.maxObjectBytes) (raise --max-object-size)",
                    location: file.path)
            } else {
                do {
                    let chunks = try FileChunks(path: file.path)
                    fileReport = parser.parse(stream: chunks, key: file.path) { events in
                        let due = buffer.add(events)
                        if !due.isEmpty { onEvents(due) }
                    }
                } catch {
                    fileReport = IngestReport.FileReport(key: file.key)
                    fileReport.error = error
                }
            }
            fileReport.location = file.path
            report.files.append(fileReport)
        }
        let rest = buffer.flush()
        if !rest.isEmpty { onEvents(rest) }
        return report
    }

    /// The `YYYYMMDDTHHMMZ` part of a CloudTrail file name (`…_CloudTrail_us-east-1_20260302T1005Z_abc.json.gz`).
    static func nameTime(_ key: String) -> String? {
        let name = key.split(separator: "/").last.map(String.init) ?? key
        for part in name.split(separator: "_") where part.count == 14 && part.hasSuffix("Z") && part.dropFirst(8).first == "T" {
            if part.dropLast().allSatisfy({ $0.isNumber || $0 == "T" }) { return String(part) }
        }
        return nil
    }
}
