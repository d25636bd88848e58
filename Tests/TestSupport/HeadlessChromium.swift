import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Debian's `chromium`, headless, driven through the DevTools protocol over `--remote-debugging-pipe` (see
/// `DevToolsPipe`): open pages, navigate, type, click, read the DOM and take screenshots, as a person would.
/// Starting fails (never skips) when the browser is not installed.
public final class HeadlessChromium: @unchecked Sendable {
    public let process: ChildProcess
    public let pipe: DevToolsPipe
    private let profile: TemporaryDirectory

    /// The browser binary: `CHROMIUM` if set, else Debian's (the real binary behind its `/usr/bin` wrapper script).
    public static func executable() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["CHROMIUM"], "/usr/lib/chromium/chromium", "/usr/bin/chromium"].compactMap { $0 }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw TestFailure("chromium is not installed (apt-get install -y chromium, or run scripts/install-deps.sh)")
        }
        return found
    }

    /// Starts a headless browser with a fresh profile and a 1280×900 window.
    public init() throws {
        let executable = try Self.executable()
        profile = try TemporaryDirectory(prefix: "bulwark-chromium")
        let commands = try Self.highPipe()  // we write, the browser reads on fd 3
        let replies = try Self.highPipe()  // the browser writes on fd 4, we read
        let log = open(profile.path + "/chromium.log", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, log >= 0 ? log : 2, 1)
        posix_spawn_file_actions_adddup2(&actions, log >= 0 ? log : 2, 2)
        posix_spawn_file_actions_adddup2(&actions, commands.read, 3)
        posix_spawn_file_actions_adddup2(&actions, replies.write, 4)
        let arguments = [
            executable, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-sync", "--mute-audio", "--hide-scrollbars",
            "--window-size=1280,900", "--user-data-dir=" + profile.path, "about:blank",
        ]
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        for fd in [commands.read, replies.write, log] where fd >= 0 { Glibc.close(fd) }
        guard result == 0 else {
            Glibc.close(commands.write)
            Glibc.close(replies.read)
            throw TestFailure("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        process = ChildProcess(pid: pid)
        pipe = DevToolsPipe(toBrowser: commands.write, fromBrowser: replies.read)
    }

    /// A new tab, attached so commands can address it.
    public func newPage() async throws -> Page {
        let target = try await pipe.send("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target["targetId"] as? String else { throw TestFailure("chromium: no target id") }
        let attached = try await pipe.send("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let session = attached["sessionId"] as? String else { throw TestFailure("chromium: no session id") }
        let page = Page(pipe: pipe, session: session)
        _ = try await page.send("Page.enable")
        _ = try await page.send("Runtime.enable")
        return page
    }

    /// Asks the browser to quit, then makes sure it has (killed if it lingers) and reaps it.
    public func close() async {
        _ = try? await pipe.send("Browser.close")
        pipe.close()
        let process = self.process
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                for _ in 0..<50 where process.isAlive() { usleep(100_000) }
                if process.isAlive() { process.signal(SIGKILL) }
                process.wait()
                done.resume()
            }
        }
    }

    /// The browser's own log (stdout and stderr), for a failure message.
    public func log() -> String {
        (try? String(contentsOfFile: profile.path + "/chromium.log", encoding: .utf8)) ?? ""
    }

    /// A pipe whose ends are numbered above the browser's 3 and 4 and closed on exec, so `dup2` always makes the
    /// child's copy (dup2 onto itself would keep close-on-exec) and no other child inherits them.
    private static func highPipe() throws -> (read: Int32, write: Int32) {
        let (read, write) = try ChildProcess.pipe()
        let high = (fcntl(read, F_DUPFD_CLOEXEC, 10), fcntl(write, F_DUPFD_CLOEXEC, 10))
        Glibc.close(read)
        Glibc.close(write)
        guard high.0 >= 0, high.1 >= 0 else { throw TestFailure("cannot duplicate a pipe: \(String(cString: strerror(errno)))") }
        return high
    }

    /// One tab.
    public struct Page: Sendable {
        let pipe: DevToolsPipe
        public let session: String

        /// Sends a command to this tab.
        public func send(_ method: String, _ params: [String: Any] = [:]) async throws -> [String: Any] {
            try await pipe.send(method, params, session: session)
        }

        /// Loads `url` and waits for its load event.
        public func navigate(_ url: String) async throws {
            let mark = pipe.eventMark()
            let result = try await send("Page.navigate", ["url": url])
            if let error = result["errorText"] as? String { throw TestFailure("chromium: cannot load \(url): \(error)") }
            _ = try await pipe.waitForEvent("Page.loadEventFired", session: session, after: mark)
        }

        /// Evaluates `expression` in the page and returns its value (JSON-serialisable results only).
        public func evaluate(_ expression: String) async throws -> Any? {
            let reply = try await send("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
            if let exception = reply["exceptionDetails"] as? [String: Any] {
                throw TestFailure("chromium: \(expression) threw \(exception["text"] ?? exception)")
            }
            return (reply["result"] as? [String: Any])?["value"]
        }

        /// The text of `expression`'s value ("" when it is not a string).
        public func text(_ expression: String) async throws -> String {
            try await evaluate(expression) as? String ?? ""
        }

        /// Focuses the element `selector` and types `text` into it key by key.
        public func type(_ selector: String, _ text: String) async throws {
            _ = try await evaluate("document.querySelector(\(Self.quoted(selector))).focus()")
            _ = try await send("Input.insertText", ["text": text])
        }

        /// Clicks the middle of the element `selector` with the mouse and, when `waitForLoad`, waits for the page
        /// the click leads to.
        public func click(_ selector: String, waitForLoad: Bool = true) async throws {
            let box = try await evaluate(
                "(() => { const e = document.querySelector(\(Self.quoted(selector))); if (!e) return null; "
                    + "e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect(); "
                    + "return [r.x + r.width / 2, r.y + r.height / 2]; })()")
            let point = (box as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.doubleValue }
            guard point.count == 2 else {
                throw TestFailure("chromium: no element matches \(selector)")
            }
            let mark = pipe.eventMark()
            for type in ["mousePressed", "mouseReleased"] {
                _ = try await send(
                    "Input.dispatchMouseEvent", ["type": type, "x": point[0], "y": point[1], "button": "left", "clickCount": 1])
            }
            if waitForLoad { _ = try await pipe.waitForEvent("Page.loadEventFired", session: session, after: mark) }
        }

        /// Presses a key (`Tab`, `Enter`) and, when `waitForLoad`, waits for the page it leads to.
        public func press(_ key: String, code: Int, waitForLoad: Bool = false) async throws {
            let mark = pipe.eventMark()
            for type in ["rawKeyDown", "keyUp"] {
                _ = try await send("Input.dispatchKeyEvent", ["type": type, "key": key, "code": key, "windowsVirtualKeyCode": code])
            }
            if waitForLoad { _ = try await pipe.waitForEvent("Page.loadEventFired", session: session, after: mark) }
        }

        /// A PNG of the whole page (beyond the window when it is longer), written to `path`.
        public func screenshot(to path: String) async throws {
            let result = try await send("Page.captureScreenshot", ["format": "png", "captureBeyondViewport": true])
            guard let base64 = result["data"] as? String, let data = Data(base64Encoded: base64) else {
                throw TestFailure("chromium: no screenshot data")
            }
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: path))
        }

        /// Renders the page with its print stylesheet.
        public func emulatePrint(_ on: Bool) async throws {
            _ = try await send("Emulation.setEmulatedMedia", ["media": on ? "print" : ""])
        }

        private static func quoted(_ text: String) -> String {
            let data = (try? JSONSerialization.data(withJSONObject: [text])) ?? Data("[\"\"]".utf8)
            return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
        }
    }
}
