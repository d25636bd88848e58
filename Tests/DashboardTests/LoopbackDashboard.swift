import Foundation
import Hummingbird
import TestSupport

/// The dashboard served by a real Hummingbird application on 127.0.0.1, on a port the system picks.
final class LoopbackDashboard: Sendable {
    let base: String
    private let task: Task<Void, any Error>

    private init(base: String, task: Task<Void, any Error>) {
        self.base = base
        self.task = task
    }

    /// Starts the application and waits until it listens.
    static func start(_ router: Router<BasicRequestContext>) async throws -> LoopbackDashboard {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            })
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw TestFailure("the dashboard application did not start listening")
        }
        return LoopbackDashboard(base: "http://127.0.0.1:\(port)", task: task)
    }

    /// Stops the application.
    func stop() async {
        task.cancel()
        _ = await task.result
    }
}

/// Where the screenshots go: `<package>/.build/screenshots/`.
enum Screenshots {
    static var directory: String {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent(".build/screenshots").path
    }

    /// The path of the screenshot `name`, printed so the test output says where it is.
    static func path(_ name: String) -> String {
        let path = directory + "/" + name + ".png"
        print("screenshot: \(path)")
        return path
    }
}
