import Checks
import EmbeddedChecks
import Foundation
import Scanner

/// Where every command finds the check library, and the one load of it a command makes: `--checks-dir` (or a
/// configured directory), else `$BULWARK_CHECKS_DIR`, else the library compiled into the binary.
enum CheckLibraryLocator {
    /// The library this binary was built with; its file names start with `(built-in)/`.
    static let builtIn = CheckLibraryFiles(
        root: "(built-in)", files: EmbeddedCheckLibrary.files, contentHash: EmbeddedCheckLibrary.contentHash)

    /// What `--version` says about the built-in library.
    static let builtInSummary = "built-in checks: \(EmbeddedCheckLibrary.fileCount) files, fnv1a64 \(EmbeddedCheckLibrary.contentHash)"

    /// The library directory, or nil for the built-in library.
    static func directory(explicit: String?, environment: [String: String]) -> String? {
        CheckLibrary.locate(explicit: explicit, environment: environment)
    }

    /// The located library with the `external` directories (relative paths resolve against the working directory).
    static func load(explicit: String?, external: [String] = [], environment: [String: String]) -> CheckLibrary {
        let external = external.map { ScanPaths.absolute($0) }
        guard let directory = directory(explicit: explicit, environment: environment) else {
            // The built-in library loads cleanly (its tests hold it to that), so its checks can wait until a scan
            // needs them; with external directories, duplicates across them are reported, which needs every ID.
            if external.isEmpty { return CheckLibrary.loadDeferred(embedded: builtIn) }
            return CheckLibrary.load(embedded: builtIn, external: external)
        }
        return CheckLibrary.load(directory: directory, external: external)
    }

    /// The located library's frameworks only, by ID.
    static func frameworks(explicit: String?, environment: [String: String]) -> [String: ComplianceFramework] {
        guard let directory = directory(explicit: explicit, environment: environment) else {
            return CheckLibrary.loadFrameworks(embedded: builtIn)
        }
        return CheckLibrary.loadFrameworks(directory: directory)
    }

    /// A data file kept beside the located library's checks (`anomaly/sensitive-actions.json`), without loading
    /// the checks: its text and the file name errors should carry. Nil when the library has none.
    static func dataFile(_ relative: String, explicit: String?, environment: [String: String]) -> (text: String, file: String)? {
        var library = CheckLibrary(checks: [], directory: directory(explicit: explicit, environment: environment))
        if library.directory == nil { library.embedded = builtIn }
        return library.dataFile(relative)
    }
}
