import Foundation

/// Executables SwiftPM built beside the test bundle (`.build/<config>/`), which tests run as child processes.
public enum BuiltProduct {
    /// The path of the built executable `name`, or of `$variable` when that is set; a missing one is a test
    /// failure saying how to get it, never a skip.
    public static func path(_ name: String, override variable: String) throws -> String {
        if let configured = ProcessInfo.processInfo.environment[variable], !configured.isEmpty { return configured }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for directory in [bundle, bundle.deletingLastPathComponent()] {
            let candidate = directory.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw TestFailure("\(name) not found next to \(bundle.path); build it (swift build) or set \(variable)")
    }
}
