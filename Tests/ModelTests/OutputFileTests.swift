import Foundation
import Model
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `OutputFile`: regular files are replaced atomically with their mode kept; devices, FIFOs and links are written
/// through and stay what they are.
@Suite("OutputFile")
struct OutputFileTests {
    /// A fresh temporary directory, removed by the caller.
    static func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "bulwark-output-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func kind(_ path: String, follow: Bool = false) -> mode_t {
        var info = stat()
        let status = follow ? stat(path, &info) : lstat(path, &info)
        return status == 0 ? info.st_mode & S_IFMT : 0
    }

    @Test("a FIFO receives the bytes and stays a FIFO")
    func fifo() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = directory + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = LockedData()
        let reader = Thread {
            // Opening blocks until the writer opens; reading ends when it closes.
            if let handle = FileHandle(forReadingAtPath: fifo) { received.set(handle.readDataToEndOfFile()) }
            received.finish()
        }
        reader.start()
        try OutputFile(path: fifo).write("{\"results\": []}\n")
        #expect(received.wait(seconds: 10))
        #expect(String(decoding: received.value, as: UTF8.self) == "{\"results\": []}\n")
        #expect(Self.kind(fifo) == S_IFIFO)
    }

    @Test("a symbolic link stays a link and the file it names gets the bytes")
    func symlink() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "old".write(toFile: directory + "/target.json", atomically: false, encoding: .utf8)
        #expect(Glibc.symlink("target.json", directory + "/link.json") == 0)
        try OutputFile(path: directory + "/link.json").write("new")
        #expect(Self.kind(directory + "/link.json") == S_IFLNK)
        #expect(try String(contentsOfFile: directory + "/target.json", encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["link.json", "target.json"])
    }

    @Test("a dangling symbolic link creates the file it names")
    func danglingSymlink() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(Glibc.symlink(directory + "/made.txt", directory + "/link") == 0)
        try OutputFile(path: directory + "/link").write("x")
        #expect(Self.kind(directory + "/link") == S_IFLNK)
        #expect(try String(contentsOfFile: directory + "/made.txt", encoding: .utf8) == "x")
    }

    @Test("a character device stays a character device", .enabled(if: geteuid() == 0))
    func characterDevice() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A null device of our own in the temporary directory (major 1, minor 3), never the system's.
        let device = directory + "/null"
        #expect(mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0)
        try OutputFile(path: device).write(String(repeating: "x", count: 100_000))
        #expect(Self.kind(device) == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["null"])
    }

    @Test("a 0600 file keeps 0600; a new file gets the umask's mode")
    func modeKept() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let secret = directory + "/secret.json"
        try "old".write(toFile: secret, atomically: false, encoding: .utf8)
        #expect(chmod(secret, 0o600) == 0)
        try OutputFile(path: secret).write("new")
        var info = stat()
        #expect(stat(secret, &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o600)
        #expect(try String(contentsOfFile: secret, encoding: .utf8) == "new")

        let fresh = directory + "/fresh.json"
        let mask = umask(0o022)
        defer { umask(mask) }
        try OutputFile(path: fresh).write("x")
        #expect(stat(fresh, &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o644)
        #expect(Self.kind(fresh) == S_IFREG)
    }

    @Test("a directory is refused and nothing is left behind")
    func directoryRefused() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/sub", withIntermediateDirectories: false)
        #expect(throws: OutputFileError.self) { try OutputFile(path: directory + "/sub").write("x") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["sub"])
    }
}

/// Bytes handed from a reader thread to the test.
final class LockedData: @unchecked Sendable {
    // @unchecked: every field is read and written under `condition`.
    private let condition = NSCondition()
    private var data = Data()
    private var done = false

    func set(_ value: Data) {
        condition.lock()
        data = value
        condition.unlock()
    }

    func finish() {
        condition.lock()
        done = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for `finish`; false on timeout.
    func wait(seconds: Double) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(seconds)
        while !done { if !condition.wait(until: deadline) { return false } }
        return true
    }

    var value: Data {
        condition.lock()
        defer { condition.unlock() }
        return data
    }
}
