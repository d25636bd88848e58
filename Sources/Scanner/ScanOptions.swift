import Checks
import Model
import Reports
import Terraform

/// Everything `bulwark scan` can be told besides the paths.
public struct ScanOptions: Sendable {
    /// The loaded check library (`checks/` and `--external-checks-dir`); a scan without any is refused.
    public var library: CheckLibrary = .none
    /// `--check` / `--skip-check`.
    public var filter = CheckFilter()
    /// `--framework` (repeatable): run only checks mapped to one of these frameworks and summarise only them; empty:
    /// every check, and a summary of every framework some result maps to.
    public var frameworks: [String] = []
    /// `--skip-config`: skip files with optional expiry dates.
    public var skipConfigFiles: [String] = []
    /// `--baseline`: hide failed findings already listed here.
    public var baselineFile: String?
    /// `--create-baseline`: write the failed findings of this run here.
    public var createBaselineFile: String?
    /// `--var-file`, applied to every root module.
    public var varFiles: [String] = []
    /// `--var NAME=VALUE`, applied to every root module.
    public var variables: [(name: String, value: String)] = []
    /// Reports show paths relative to this directory (SARIF's `%SRCROOT%`); a relative root (the default, `.`)
    /// resolves against the file tree's working directory.
    public var scanRoot: String = "."
    /// Where the scanned configuration is read from: the disk, or a snapshot in memory (a Git commit). Paths given
    /// to the scan, `varFiles` and `scanRoot` resolve against its working directory. The check library, skip files
    /// and baselines are the tool's own configuration and are always read from the disk.
    public var fileTree: any FileTree = DiskFileTree()
    /// `--allow-read`: directories evaluation may read besides the scanned repository (file functions, module
    /// sources). Every other read outside is refused: its value is unknown and a warning names the expression.
    public var allowRead: [String] = []
    /// `--max-file-size`: largest plan or state JSON read, in bytes (Terraform files keep their own limit).
    public var maxInputFileSize: Int = LoadOptions.defaultMaxInputFileSize
    /// Where each loaded root module's evaluated scope is kept (`fix` verifies edited blocks in it); nil: none kept.
    public var scopes: ModuleScopes?
    /// The day suppression expiry is judged against.
    public var today: CalendarDate = .today()
    /// Environment for `TF_VAR_*` values.
    public var environment: [String: String] = [:]
    /// Tool identity printed in reports.
    public var tool = ToolInfo()
    /// When loading and checking must stop (a reconcile cycle's timeout, or cancellation); nil: never. A root
    /// module stopped by it is reported as a load error with no findings.
    public var deadline: EvaluationDeadline?

    /// Options with every default.
    public init() {}
}

/// Problems that stop a scan before it starts: bad options rather than bad input (exit status 2).
public enum ScanError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--framework` names a framework the library does not define.
    case unknownFramework(String, available: [String])
    /// No check library was found and no external checks were given.
    case noChecks
    /// The baseline could not be read.
    case unreadableBaseline(String)
    /// The new baseline could not be written.
    case baselineNotWritten(file: String, reason: String)

    public var description: String {
        switch self {
        case .unknownFramework(let id, let available):
            return "unknown framework '\(id)' (available: \(available.isEmpty ? "none" : available.joined(separator: ", ")))"
        case .noChecks:
            return "no check library found: pass --checks-dir or set \(CheckLibrary.environmentVariable), or add --external-checks-dir"
        case .unreadableBaseline(let message):
            return "cannot use baseline: \(message)"
        case .baselineNotWritten(let file, let reason):
            return "cannot write baseline \(file): \(reason)"
        }
    }
}
