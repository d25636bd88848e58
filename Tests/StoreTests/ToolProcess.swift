import Foundation
import Testing

/// `bulwark-store-tool` run as a separate process (crash and multi-process tests).
struct ToolProcess {
    let process = Process()
    private let output = Pipe()

    init(_ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: try Fixture.toolPath())
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
    }

    /// Starts the process.
    func start() throws { try process.run() }

    /// Waits for the process without blocking a cooperative thread; returns its output, failing on a bad exit.
    func finish() async throws -> String {
        let handle = output.fileHandleForReading
        let data = await withCheckedContinuation { (continuation: CheckedContinuation<Data, Never>) in
            DispatchQueue.global().async { continuation.resume(returning: handle.readDataToEndOfFile()) }
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume()
            }
        }
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw TestFailure("bulwark-store-tool \(process.arguments?.joined(separator: " ") ?? "") failed: \(text)")
        }
        return text
    }

    /// Runs the tool to completion.
    static func run(_ arguments: [String]) async throws -> String {
        let tool = try ToolProcess(arguments)
        try tool.start()
        return try await tool.finish()
    }
}
