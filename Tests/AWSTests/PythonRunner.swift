import Foundation
import TestSupport

/// Runs a python script of the test fixtures with stdin, failing clearly when python or the script fails.
enum PythonRunner {
    static func run(fixture name: String, stdin: Data) throws -> Data {
        guard let script = Bundle.module.url(forResource: name, withExtension: "py", subdirectory: "Fixtures") else {
            throw TestServerError("fixture \(name).py missing from the test bundle")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [MotoServer.python, script.path]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw TestServerError("cannot run \(MotoServer.python): \(error) (botocore is needed: pip install botocore)")
        }
        input.fileHandleForWriting.write(stdin)
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestServerError("\(name).py failed (is botocore installed for \(MotoServer.python)?):\n\(stderr)")
        }
        return data
    }
}
