import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `moto_server` (python module `moto.server`) on 127.0.0.1 and a free port, started for one test and stopped
/// after it. Fails with a clear message when python3 or moto is missing; it never lets a test skip quietly.
public final class MotoServer: @unchecked Sendable {
    // Unchecked: `process` is set once in init and only terminated in `stop`, which is idempotent under `lock`.
    public let port: Int
    private let process: Process
    private let log: URL
    private let lock = NSLock()
    private var stopped = false
    /// IAM Access Analyzer, which moto does not implement: a loopback fake answering ListAnalyzers (GET /analyzer)
    /// with no analyzers, as for an account that never created one, so reading every service stays complete.
    public let accessAnalyzer: LoopbackHTTPServer

    /// The python interpreter: `$BULWARK_PYTHON` or `python3` on PATH.
    public static var python: String {
        ProcessInfo.processInfo.environment["BULWARK_PYTHON"] ?? "python3"
    }

    /// Starts moto and waits (up to `readyTimeout` seconds) until it answers.
    public init(readyTimeout: Double = 60) throws {
        let port = try MotoServer.freePort()
        self.port = port
        accessAnalyzer = try LoopbackHTTPServer { request in
            guard request.method == "GET", request.path == "/analyzer" else {
                return CannedResponse(
                    status: 404, headers: [("x-amzn-ErrorType", "ResourceNotFoundException")], text: "{\"message\":\"not found\"}")
            }
            return CannedResponse(headers: [("Content-Type", "application/json")], text: "{\"analyzers\":[]}")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [MotoServer.python, "-m", "moto.server", "-H", "127.0.0.1", "-p", "\(port)"]
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("moto-\(port)-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        do {
            try process.run()
        } catch {
            throw TestServerError(
                "cannot start \(MotoServer.python) -m moto.server: \(error); install moto with "
                    + "`pip install 'moto[server]'` or point BULWARK_PYTHON at a python that has it")
        }
        self.process = process
        self.log = log
        let deadline = Date().addingTimeInterval(readyTimeout)
        while !LoopbackPort.accepts(port) {
            if !process.isRunning {
                let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                throw TestServerError(
                    "moto_server exited before it was ready (is `moto[server]` installed for "
                        + "\(MotoServer.python)? `pip install 'moto[server]'`):\n\(output.suffix(2000))")
            }
            if Date() > deadline {
                process.terminate()
                throw TestServerError("moto_server did not answer on 127.0.0.1:\(port) within \(readyTimeout) s")
            }
            usleep(100_000)
        }
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT`.
    public var endpoint: String { "http://127.0.0.1:\(port)" }

    /// Environment for a client under test: the endpoint for every service, fixed test credentials and a region,
    /// with no shared config files so the developer's own ~/.aws is never read.
    public func environment(region: String = "us-east-1") -> [String: String] {
        [
            "AWS_ENDPOINT_URL": endpoint,
            "AWS_ENDPOINT_URL_ACCESSANALYZER": accessAnalyzer.baseURL.absoluteString,
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_REGION": region,
            "AWS_CONFIG_FILE": "/nonexistent/bulwark-test/aws-config",
            "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/bulwark-test/aws-credentials",
        ]
    }

    /// Runs a python script (boto3 seeding) against this server; throws with its output when it fails.
    @discardableResult
    public func runPython(script: String, arguments: [String] = [], region: String = "us-east-1") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [MotoServer.python, script] + arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment(region: region) { env[key] = value }
        env["AWS_DEFAULT_REGION"] = region
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestServerError("\(script) failed with status \(process.terminationStatus):\n\(output.suffix(4000))")
        }
        return output
    }

    /// Stops the server; safe to call twice.
    public func stop() {
        let wasStopped = lock.withLock { () -> Bool in
            defer { stopped = true }
            return stopped
        }
        guard !wasStopped else { return }
        accessAnalyzer.stop()
        guard process.isRunning else { return }
        // The child may inherit a signal mask that blocks SIGTERM from the spawning thread, so escalate to SIGKILL
        // (which cannot be blocked) instead of waiting for ever.
        process.terminate()
        let deadline = Date().addingTimeInterval(3)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: log)
    }

    /// A port the kernel just handed out on 127.0.0.1 (bound, read back, released).
    public static func freePort() throws -> Int { try LoopbackPort.unused() }
}
