import Foundation
import Scanner

/// Where every command finds the check library, and the one load of it a command makes: `--checks-dir` (or a
/// configured directory), else `$BULWARK_CHECKS_DIR`, else `checks/` above the binary or the working directory.
enum CheckLibraryLocator {
    /// The library directory, or nil when none is found.
    static func directory(explicit: String?, environment: [String: String]) -> String? {
        CheckLibrary.locate(
            explicit: explicit, environment: environment, executablePath: ScanCommand.executablePath(),
            currentDirectory: FileManager.default.currentDirectoryPath)
    }

    /// The located library with the `external` directories (relative paths resolve against the working directory).
    static func load(explicit: String?, external: [String] = [], environment: [String: String]) -> CheckLibrary {
        CheckLibrary.load(
            directory: directory(explicit: explicit, environment: environment),
            external: external.map { ScanPaths.absolute($0) })
    }
}
