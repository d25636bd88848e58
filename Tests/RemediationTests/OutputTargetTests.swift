import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `bulwark scan -o FORMAT:PATH` end to end (this target runs the built binary): a FIFO, a symbolic link and a
/// 0600 report file stay what they are.
@Suite("bulwark scan -o targets")
struct OutputTargetTests {
    static let volume = "resource \"aws_ebs_volume\" \"v\" {\n  size = 10\n}\n"

    static func kind(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    @Test("-o json:FIFO writes the report into the FIFO, which stays a FIFO")
    func fifo() throws {
        let copy = try ScratchCopy(files: ["main.tf": Self.volume])
        defer { copy.remove() }
        let fifo = (copy.path as NSString).deletingLastPathComponent + "/report.pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = LockedBytes()
        let reader = Thread {
            if let handle = FileHandle(forReadingAtPath: fifo) { received.set(handle.readDataToEndOfFile()) }
        }
        reader.start()
        let result = try FixCommandTests.run(
            ["scan", "--checks-dir", TestPaths.checks, "--check", "BLW-AWS-EC2-003", "-o", "json:" + fifo, "."],
            in: copy.path)
        #expect(result.status == 1, "\(result.output)")
        for _ in 0..<100 where received.value.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
        let object = try JSONSerialization.jsonObject(with: received.value) as? [String: Any]
        #expect(object?["results"] != nil)
        #expect(Self.kind(fifo) == S_IFIFO)
    }

    @Test("-o sarif:LINK writes the file the link names; the link and a 0600 mode stay")
    func symlinkAndMode() throws {
        let copy = try ScratchCopy(files: ["main.tf": Self.volume])
        defer { copy.remove() }
        let directory = (copy.path as NSString).deletingLastPathComponent
        try "old".write(toFile: directory + "/report.sarif", atomically: false, encoding: .utf8)
        #expect(chmod(directory + "/report.sarif", 0o600) == 0)
        #expect(symlink("report.sarif", directory + "/latest.sarif") == 0)
        let result = try FixCommandTests.run(
            ["scan", "--checks-dir", TestPaths.checks, "--check", "BLW-AWS-EC2-003", "-o", "sarif:" + directory + "/latest.sarif", "."],
            in: copy.path)
        #expect(result.status == 1, "\(result.output)")
        #expect(Self.kind(directory + "/latest.sarif") == S_IFLNK)
        #expect(try String(contentsOfFile: directory + "/report.sarif", encoding: .utf8).contains("BLW-AWS-EC2-003"))
        var info = stat()
        #expect(stat(directory + "/report.sarif", &info) == 0 && info.st_mode & 0o7777 == 0o600)
    }
}

/// Bytes read by another thread.
final class LockedBytes: @unchecked Sendable {
    // @unchecked: `data` is only touched under `lock`.
    private let lock = NSLock()
    private var data = Data()

    func set(_ value: Data) {
        lock.lock()
        data = value
        lock.unlock()
    }

    var value: Data {
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}
