import Checks
import Foundation
import Model

/// The checks and compliance frameworks a scan runs with: the library (`checks/`) plus external directories.
///
/// A process locates and loads it once and hands the value to every scan, target and stage that needs it.
public struct CheckLibrary: Sendable {
    /// Every loaded check; IDs are unique (the first definition wins, later ones are reported).
    public var checks: [CheckDefinition]
    /// Frameworks by ID (`cis-aws`), from `frameworks/` folders.
    public var frameworks: [String: ComplianceFramework]
    /// Problems with check, policy or framework files.
    public var diagnostics: [Diagnostic]
    /// The library directory the checks were loaded from; other layers read their data files beside the checks
    /// (`drift/ignore-attributes.yaml`, `anomaly/sensitive-actions.json`). Nil when none was found.
    public var directory: String?
    /// The external directories loaded after the library (`--external-checks-dir`).
    public var externalDirectories: [String]

    /// Builds a library.
    public init(
        checks: [CheckDefinition], frameworks: [String: ComplianceFramework] = [:], diagnostics: [Diagnostic] = [],
        directory: String? = nil, externalDirectories: [String] = []
    ) {
        self.checks = checks
        self.frameworks = frameworks
        self.diagnostics = diagnostics
        self.directory = directory
        self.externalDirectories = externalDirectories
    }

    /// An empty library: no directory was found and none was given.
    public static let none = CheckLibrary(checks: [])

    /// Whether any directory was given to load checks from (a library directory or an external one).
    public var hasSource: Bool { directory != nil || !externalDirectories.isEmpty }

    /// Environment variable naming the check library directory.
    public static let environmentVariable = "BULWARK_CHECKS_DIR"

    /// The library directory: `explicit` (`--checks-dir`), else `$BULWARK_CHECKS_DIR`, else the first
    /// `checks/` beside a directory walked up from the executable, then from the working directory, that
    /// holds `checks/frameworks`. Nil when none is found.
    public static func locate(
        explicit: String?, environment: [String: String], executablePath: String?,
        currentDirectory: String
    ) -> String? {
        if let explicit, !explicit.isEmpty { return ScanPaths.absolute(explicit) }
        if let env = environment[environmentVariable], !env.isEmpty { return ScanPaths.absolute(env) }
        var starts: [String] = []
        if let executablePath {
            starts.append((ScanPaths.absolute(executablePath) as NSString).deletingLastPathComponent)
        }
        starts.append(ScanPaths.absolute(currentDirectory))
        for start in starts {
            var dir = start
            while true {
                let candidate = (dir as NSString).appendingPathComponent("checks")
                var isDir: ObjCBool = false
                let frameworks = (candidate as NSString).appendingPathComponent("frameworks")
                if FileManager.default.fileExists(atPath: frameworks, isDirectory: &isDir), isDir.boolValue { return candidate }
                let parent = (dir as NSString).deletingLastPathComponent
                if parent == dir || parent.isEmpty { break }
                dir = parent
            }
        }
        return nil
    }

    /// Loads the library directory (may be nil) and every external directory; external files may be Bulwark
    /// checks or Checkov custom policies, told apart by content.
    public static func load(directory: String?, external: [String] = []) -> CheckLibrary {
        var library = CheckLibrary(checks: [], directory: directory, externalDirectories: external)
        var seen: [String: String] = [:]
        var frameworkFiles: [String: String] = [:]
        for (index, dir) in ([directory].compactMap { $0 } + external).enumerated() {
            let isLibrary = directory != nil && index == 0
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
                let what = isLibrary ? "check library" : "external checks directory"
                library.diagnostics.append(Diagnostic(.io, "\(what) is not a directory", at: .wholeFile(dir)))
                continue
            }
            let (files, frameworkPaths) = yamlFiles(under: dir)
            for file in files {
                switch loadCheck(file: file) {
                case .failure(let d):
                    library.diagnostics.append(d)
                case .success(let check):
                    if let previous = seen[check.id] {
                        library.diagnostics.append(
                            Diagnostic(
                                .duplicate,
                                "duplicate check ID \(check.id) (first defined in \(previous))", at: check.source ?? .wholeFile(file)))
                    } else {
                        seen[check.id] = file
                        library.checks.append(check)
                    }
                }
            }
            for file in frameworkPaths {
                switch ComplianceFramework.load(file: file) {
                case .failure(let d): library.diagnostics.append(d)
                case .success(let f) where library.frameworks[f.id] == nil:
                    library.frameworks[f.id] = f
                    frameworkFiles[f.id] = file
                case .success(let f):
                    library.diagnostics.append(Diagnostic(.duplicate, "duplicate framework \(f.id)", at: .wholeFile(file)))
                }
            }
        }
        library.applyControlChecks(files: frameworkFiles)
        return library
    }

    /// Folds the checks each framework file lists under its controls into those checks' `references.cis`, so every
    /// consumer (compliance, `--framework`, reports, the store) sees one mapping. A listed check the library does
    /// not hold is a warning: the framework still loads and the control stays unevidenced by it.
    mutating func applyControlChecks(files: [String: String]) {
        var index: [String: Int] = [:]
        for (i, check) in checks.enumerated() { index[check.id] = i }
        for frameworkID in frameworks.keys.sorted() {
            guard let framework = frameworks[frameworkID] else { continue }
            for control in framework.controls {
                for checkID in framework.controlChecks[control.id] ?? [] {
                    guard let i = index[checkID] else {
                        diagnostics.append(
                            Diagnostic(
                                .unknownCheck, "framework \(frameworkID) control \(control.id) names unknown check \(checkID)",
                                at: .wholeFile(files[frameworkID] ?? frameworkID), severity: .warning))
                        continue
                    }
                    var ids = checks[i].references.cis[frameworkID] ?? []
                    if !ids.contains(control.id) { ids.append(control.id) }
                    checks[i].references.cis[frameworkID] = ids
                }
            }
        }
    }

    /// Only the frameworks of a library directory, by ID (reports need names and versions, not the checks).
    public static func loadFrameworks(directory: String) -> [String: ComplianceFramework] {
        var frameworks: [String: ComplianceFramework] = [:]
        for file in yamlFiles(under: directory).frameworks {
            if case .success(let f) = ComplianceFramework.load(file: file), frameworks[f.id] == nil { frameworks[f.id] = f }
        }
        return frameworks
    }

    /// Loads one YAML file as a Checkov policy when it has top-level `metadata:` and `definition:` keys,
    /// otherwise as a Bulwark check.
    public static func loadCheck(file: String) -> Result<CheckDefinition, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: file) else {
            return .failure(Diagnostic(.io, "cannot read check file", at: .wholeFile(file)))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(Diagnostic(.invalidUTF8, "check file is not UTF-8", at: .wholeFile(file)))
        }
        if isCheckovPolicy(text) { return CheckovPolicyLoader.load(yaml: text, file: file) }
        return CheckLoader.load(yaml: text, file: file)
    }

    /// A Checkov policy's two top-level keys; Bulwark's format has neither.
    static func isCheckovPolicy(_ text: String) -> Bool {
        var hasMetadata = false
        var hasDefinition = false
        for line in text.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("metadata:") { hasMetadata = true }
            if line.hasPrefix("definition:") { hasDefinition = true }
        }
        return hasMetadata && hasDefinition
    }

    /// Check files and framework files (those inside a `frameworks` folder) under `dir`, each sorted.
    static func yamlFiles(under dir: String) -> (checks: [String], frameworks: [String]) {
        var checks: [String] = []
        var frameworks: [String] = []
        guard let enumerator = FileManager.default.enumerator(atPath: dir) else { return ([], []) }
        while let relative = enumerator.nextObject() as? String {
            let components = relative.split(separator: "/")
            if components.contains(where: { $0.hasPrefix(".") }) { continue }
            // Data files of other layers live beside the checks (drift's attribute table), never checks themselves.
            if components.first == "drift" || components.first == "anomaly" { continue }
            guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { continue }
            let path = (dir as NSString).appendingPathComponent(relative)
            if components.dropLast().contains("frameworks") { frameworks.append(path) } else { checks.append(path) }
        }
        return (checks.sorted(), frameworks.sorted())
    }
}

extension Diagnostic.Code {
    /// A framework file names a check the library does not hold.
    public static let unknownCheck: Diagnostic.Code = "unknown_check"
}
