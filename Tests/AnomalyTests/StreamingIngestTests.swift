import Foundation
import Testing

@testable import Anomaly

/// Streaming ingestion with real files: gzip bombs and oversized records stop at their limits, truncated
/// objects keep what came before the cut, and a 1 GB file is read in bounded memory.
@Suite struct StreamingIngestTests {
    /// One record per second from Monday 00:00, with `padding` bytes in its request.
    static func record(_ i: Int, padding: String = "", name: String = "GetObject") -> String {
        let time = Timestamp.format(Support.monday + Double(i))
        return Support.cloudTrailRecord(
            time: time, name: name, extra: padding.isEmpty ? "" : ",\"additionalEventData\":{\"note\":\"\(padding)\"}")
    }

    @Test func gzipBombStopsAtTheSizeLimit() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // 1 GiB of blanks inside the records array, as 1,024 concatenated members of about 1 KB each.
        let member = try Gzip.compress(Data(repeating: 0x20, count: 1 << 20))
        var bomb = try Gzip.compress(Data("{\"Records\":[".utf8))
        for _ in 0..<1024 { bomb.append(member) }
        let path = directory.appendingPathComponent("bomb.json.gz")
        try bomb.write(to: path)
        #expect(bomb.count < 8 << 20)
        let limit = 64 << 20
        let report = LogFileReader(parser: LogParser(maxObjectBytes: limit)).read([path.path]) { _ in }
        let file = try #require(report.files.first)
        #expect(file.error?.code == .tooLarge)
        #expect(file.error?.location == path.path)
        #expect(file.bytes <= limit)
        #expect(report.readProblem?.contains(path.path) == true)
        // One endless record is refused at the record limit, long before the object limit.
        let record = try Gzip.compress(Data("{\"Records\":[{\"eventName\":\"".utf8) + Data(repeating: 0x61, count: 40 << 20))
        let endless = directory.appendingPathComponent("endless.json.gz")
        try record.write(to: endless)
        let second = LogFileReader().read([endless.path]) { _ in }
        #expect(second.files.first?.error?.code == .tooLarge)
        #expect(second.files.first?.error?.message.contains("record at byte 12") == true)
    }

    @Test func truncatedObjectsAreNamedAndKeepWhatCameBefore() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let full = Data("{\"Records\":[\((0..<400).map { Self.record($0) }.joined(separator: ","))]}".utf8)
        try full.write(to: directory.appendingPathComponent("a-good.json"))
        let gzip = try Gzip.compress(full)
        try gzip.prefix(gzip.count / 2).write(to: directory.appendingPathComponent("b-cut.json.gz"))
        try full.prefix(full.count - 100).write(to: directory.appendingPathComponent("c-cut.json"))
        var events = 0
        let report = LogFileReader().read([directory.path]) { events += $0.count }
        #expect(report.files.count == 3)
        let byName = Dictionary(uniqueKeysWithValues: report.files.map { (URL(fileURLWithPath: $0.key).lastPathComponent, $0) })
        #expect(byName["a-good.json"]?.error == nil && byName["a-good.json"]?.ingested == 400)
        #expect(byName["b-cut.json.gz"]?.error?.code == .truncatedGzip)
        #expect(byName["c-cut.json"]?.error?.code == .invalidJSON)
        #expect(byName["c-cut.json"]?.error?.message.contains("at byte \(full.count - 100)") == true)
        // Both cut files still gave the records before the cut.
        #expect((byName["c-cut.json"]?.ingested ?? 0) > 390)
        #expect((byName["b-cut.json.gz"]?.ingested ?? 0) > 0)
        #expect(events == report.ingested)
        let problem = try #require(report.readProblem)
        #expect(problem.contains("b-cut.json.gz") && problem.contains("c-cut.json") && !problem.contains("a-good"))
    }

    @Test func emptyDirectoriesAndMissingPathsAreReadProblems() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("not a log".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        let report = LogFileReader().read([directory.path, directory.path + "/missing.json"]) { _ in }
        let problem = try #require(report.readProblem)
        #expect(problem.contains("\(directory.path): no log files"))
        #expect(problem.contains("missing.json"))
    }

    @Test func filesAreReadInTheTimeOfTheirNamesAndEventsComeOutSorted() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Region-major keys: us-west-2's early file sorts after us-east-1's late one.
        let east = directory.appendingPathComponent("us-east-1/111122223333_CloudTrail_us-east-1_20260302T0100Z_x.json")
        let west = directory.appendingPathComponent("us-west-2/111122223333_CloudTrail_us-west-2_20260302T0000Z_y.json")
        for url in [east, west] {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        // Records inside a file are unsorted too, as CloudTrail writes them.
        try Data("{\"Records\":[\(Self.record(3700)),\(Self.record(3600))]}".utf8).write(to: east)
        try Data("{\"Records\":[\(Self.record(20)),\(Self.record(10))]}".utf8).write(to: west)
        var times: [Double] = []
        let report = LogFileReader().read([directory.path]) { times += $0.map(\.time) }
        #expect(report.readProblem == nil)
        #expect(times == [10, 20, 3600, 3700].map { Support.monday + Double($0) })
        #expect(report.files.map { URL(fileURLWithPath: $0.key).lastPathComponent.contains("us-west-2") } == [true, false])
    }

    @Test func reorderBufferHoldsAtMostItsLimit() {
        var buffer = EventReorderBuffer(tolerance: 1e9, maxHeld: 1000)
        var released = 0
        for batch in 0..<40 {
            let events = (0..<1000).map { Support.event(Support.monday + Double(batch * 1000 + $0), "A") }
            released += buffer.add(events).count
            #expect(buffer.held.count <= 1000)
        }
        released += buffer.flush().count
        #expect(released == 40_000)
        #expect(buffer.releasedEarly > 0)
    }

    /// Resident memory now and the peak since the last reset, in bytes (Linux `/proc/self/status`).
    static func memory() -> (current: Int, peak: Int) {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        func field(_ name: String) -> Int {
            for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
                return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
            }
            return 0
        }
        return (field("VmRSS"), field("VmHWM"))
    }

    @Test(.timeLimit(.minutes(5))) func oneGigabyteFileIsReadInBoundedMemory() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("big.json").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        let padding = String(repeating: "p", count: 16 << 10)
        var written = 0
        var records = 0
        var block = Data("{\"Records\":[".utf8)
        while written + block.count < 1 << 30 {
            block.append(contentsOf: ((records > 0 ? "," : "") + Self.record(records, padding: padding)).utf8)
            records += 1
            if block.count >= 8 << 20 {
                handle.write(block)
                written += block.count
                block.removeAll(keepingCapacity: true)
            }
        }
        block.append(contentsOf: "]}".utf8)
        handle.write(block)
        written += block.count
        try handle.close()
        #expect(written >= 1 << 30)

        // Reset the peak so it measures this read only.
        let counter = try #require(
            FileHandle(forWritingAtPath: "/proc/self/clear_refs"), "cannot reset the peak RSS counter (/proc/self/clear_refs)")
        try counter.write(contentsOf: Data("5".utf8))
        try counter.close()
        let before = Self.memory().current
        var events = 0
        let report = LogFileReader(parser: LogParser(maxObjectBytes: 2 << 30)).read([path]) { events += $0.count }
        let peak = Self.memory().peak
        #expect(report.readProblem == nil)
        #expect(events == records)
        #expect(report.files.first?.bytes == written)
        // Streaming keeps the read far below the file's size: at most 500 MB more than before it started.
        #expect(peak - before < 500_000_000, "peak grew by \(peak - before) bytes for a \(written)-byte file")
    }
}
