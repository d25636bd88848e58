import Checks
import Foundation
import Model

/// The checks and compliance frameworks a scan runs with: the library (`checks/`) plus external directories.
///
/// A process locates and loads it once and hands the value to every scan, target and stage that needs it.
public struct CheckLibrary: Sendable {
    /// Every loaded check; IDs are unique (the first definition wins, later ones are reported).
    public var checks: [CheckDefinition] {
        get { deferred?.full.checks ?? loadedChecks }
        set {
            materialize()
            loadedChecks = newValue
        }
    }
    /// Frameworks by ID (`cis-aws`), from `frameworks/` folders.
    public var frameworks: [String: ComplianceFramework] {
        get { deferred?.frameworks ?? loadedFrameworks }
        set {
            materialize()
            loadedFrameworks = newValue
        }
    }
    private var loadedChecks: [CheckDefinition]
    private var loadedFrameworks: [String: ComplianceFramework]
    /// The checks not compiled yet, for a library loaded with `loadDeferred(embedded:)`.
    var deferred: DeferredCheckLibrary?
    /// Problems with check, policy or framework files.
    public var diagnostics: [Diagnostic]
    /// The library directory the checks were loaded from; other layers read their data files beside the checks
    /// (`drift/ignore-attributes.yaml`, `anomaly/sensitive-actions.json`) through `dataFile(_:)`. Nil when the
    /// library came from memory or none was given.
    public var directory: String?
    /// The in-memory library the checks were loaded from (the one compiled into the binary), when not a directory.
    public var embedded: CheckLibraryFiles?
    /// The external directories loaded after the library (`--external-checks-dir`).
    public var externalDirectories: [String]
    /// The file each framework came from, for diagnostics about the checks its controls list.
    var frameworkFiles: [String: String] = [:]

    /// Builds a library.
    public init(
        checks: [CheckDefinition], frameworks: [String: ComplianceFramework] = [:], diagnostics: [Diagnostic] = [],
        directory: String? = nil, externalDirectories: [String] = []
    ) {
        self.loadedChecks = checks
        self.loadedFrameworks = frameworks
        self.diagnostics = diagnostics
        self.directory = directory
        self.externalDirectories = externalDirectories
    }

    /// An empty library: no directory was found and none was given.
    public static let none = CheckLibrary(checks: [])

    /// Whether there was anything to load checks from (a library, in a directory or in memory, or an external one).
    public var hasSource: Bool { directory != nil || embedded != nil || !externalDirectories.isEmpty }

    /// Whether a library (rather than only external directories) was loaded.
    public var hasLibrary: Bool { directory != nil || embedded != nil }

    /// A data file of another layer kept beside the checks (`drift/ignore-attributes.yaml`), read from the
    /// library's directory or memory, with the file name its diagnostics should carry. Nil when absent.
    public func dataFile(_ relative: String) -> (text: String, file: String)? {
        if let embedded {
            return embedded.contents[relative].map { ($0, embedded.fileName(relative)) }
        }
        guard let directory else { return nil }
        let file = (directory as NSString).appendingPathComponent(relative)
        guard case .success(let text) = Self.readText(file: file, what: "data file") else { return nil }
        return (text, file)
    }

    /// The text of a check or framework file of this library, in memory or on disk; nil when unreadable.
    public func text(ofFile file: String) -> String? {
        if let text = embedded?.contents(ofFile: file) { return text }
        guard case .success(let text) = Self.readText(file: file, what: "check file") else { return nil }
        return text
    }

    /// Environment variable naming the check library directory.
    public static let environmentVariable = "BULWARK_CHECKS_DIR"

    /// The library directory: `explicit` (`--checks-dir`), else `$BULWARK_CHECKS_DIR`; nil means the library
    /// compiled into the binary. No directory is searched for: a binary copied anywhere runs the library it was
    /// built with, whatever `checks/` folders lie around it.
    public static func locate(explicit: String?, environment: [String: String]) -> String? {
        if let explicit, !explicit.isEmpty { return ScanPaths.absolute(explicit) }
        if let env = environment[environmentVariable], !env.isEmpty { return ScanPaths.absolute(env) }
        return nil
    }

    /// Loads the library directory (may be nil) and every external directory; external files may be Bulwark
    /// checks or Checkov custom policies, told apart by content.
    public static func load(directory: String?, external: [String] = []) -> CheckLibrary {
        var library = CheckLibrary(checks: [], directory: directory, externalDirectories: external)
        var seen: [String: String] = [:]
        if let directory { library.add(directory: directory, what: "check library", seen: &seen) }
        for dir in external { library.add(directory: dir, what: "external checks directory", seen: &seen) }
        library.applyControlChecks()
        return library
    }

    /// Loads an in-memory library (the one compiled into the binary) and every external directory.
    public static func load(embedded: CheckLibraryFiles, external: [String] = []) -> CheckLibrary {
        var library = CheckLibrary(checks: [], externalDirectories: external)
        library.embedded = embedded
        var seen: [String: String] = [:]
        let (checks, frameworks) = classify(embedded.contents.keys)
        library.add(
            checks: checks.map { (embedded.fileName($0), .success(embedded.contents[$0] ?? "")) },
            frameworks: frameworks.map { (embedded.fileName($0), .success(embedded.contents[$0] ?? "")) }, seen: &seen)
        for dir in external { library.add(directory: dir, what: "external checks directory", seen: &seen) }
        library.applyControlChecks()
        return library
    }

    /// An in-memory library known to load cleanly (the one compiled into the binary), its checks compiled only when
    /// a scan needs those of its resources' types and its frameworks loaded only when asked for; reading `checks`
    /// loads it whole, as `load(embedded:)` does.
    public static func loadDeferred(embedded: CheckLibraryFiles) -> CheckLibrary {
        var library = CheckLibrary(checks: [])
        library.embedded = embedded
        library.deferred = DeferredCheckLibrary(files: embedded)
        return library
    }

    /// How many checks the library holds, without compiling a deferred library.
    public var checkCount: Int { deferred?.count ?? loadedChecks.count }

    /// Replaces deferred checks and frameworks by the whole library, before either is changed.
    private mutating func materialize() {
        guard let deferred else { return }
        let full = deferred.full
        loadedChecks = full.loadedChecks
        loadedFrameworks = full.loadedFrameworks
        frameworkFiles = full.frameworkFiles
        diagnostics = full.diagnostics
        self.deferred = nil
    }

    /// Folds the checks each framework file lists under its controls into those checks' `references.cis`, so every
    /// consumer (compliance, `--framework`, reports, the store) sees one mapping. A listed check the library does
    /// not hold is a warning: the framework still loads and the control stays unevidenced by it.
    mutating func applyControlChecks() {
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
                                at: .wholeFile(frameworkFiles[frameworkID] ?? frameworkID), severity: .warning))
                        continue
                    }
                    var ids = loadedChecks[i].references.cis[frameworkID] ?? []
                    if !ids.contains(control.id) { ids.append(control.id) }
                    loadedChecks[i].references.cis[frameworkID] = ids
                }
            }
        }
    }

    /// Only the frameworks of a library directory, by ID (reports need names and versions, not the checks).
    public static func loadFrameworks(directory: String) -> [String: ComplianceFramework] {
        frameworks(yamlFiles(under: directory).frameworks.map { ($0, readText(file: $0, what: "framework file")) })
    }

    /// Only the frameworks of an in-memory library, by ID.
    public static func loadFrameworks(embedded: CheckLibraryFiles) -> [String: ComplianceFramework] {
        frameworks(classify(embedded.contents.keys).frameworks.map { (embedded.fileName($0), .success(embedded.contents[$0] ?? "")) })
    }

    private static func frameworks(_ files: [(String, Result<String, Diagnostic>)]) -> [String: ComplianceFramework] {
        var frameworks: [String: ComplianceFramework] = [:]
        for case (let file, .success(let text)) in files {
            if case .success(let f) = ComplianceFramework.load(yaml: text, file: file), frameworks[f.id] == nil { frameworks[f.id] = f }
        }
        return frameworks
    }

    /// Loads the check and framework files of a directory, or reports that it is not one.
    private mutating func add(directory dir: String, what: String, seen: inout [String: String]) {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            diagnostics.append(Diagnostic(.io, "\(what) is not a directory", at: .wholeFile(dir)))
            return
        }
        let (files, frameworkFiles) = Self.yamlFiles(under: dir)
        add(
            checks: files.map { ($0, Self.readText(file: $0, what: "check file")) },
            frameworks: frameworkFiles.map { ($0, Self.readText(file: $0, what: "framework file")) }, seen: &seen)
    }

    /// Adds checks and frameworks from their texts (or why a file could not be read); the first definition of an ID wins.
    private mutating func add(
        checks files: [(String, Result<String, Diagnostic>)], frameworks frameworkTexts: [(String, Result<String, Diagnostic>)],
        seen: inout [String: String]
    ) {
        // Files compile independently, on every core; they are added in file order so the first definition wins.
        let loaded = ParallelMap.map(files) { file, text in text.flatMap { Self.loadCheck(text: $0, file: file) } }
        for ((file, _), result) in zip(files, loaded) {
            switch result {
            case .failure(let d):
                diagnostics.append(d)
            case .success(let check):
                if let previous = seen[check.id] {
                    diagnostics.append(
                        Diagnostic(
                            .duplicate,
                            "duplicate check ID \(check.id) (first defined in \(previous))", at: check.source ?? .wholeFile(file)))
                } else {
                    seen[check.id] = file
                    loadedChecks.append(check)
                }
            }
        }
        let frameworksLoaded = ParallelMap.map(frameworkTexts) { file, text in
            text.flatMap { ComplianceFramework.load(yaml: $0, file: file) }
        }
        for ((file, _), result) in zip(frameworkTexts, frameworksLoaded) {
            switch result {
            case .failure(let d): diagnostics.append(d)
            case .success(let f) where loadedFrameworks[f.id] == nil:
                loadedFrameworks[f.id] = f
                frameworkFiles[f.id] = file
            case .success(let f):
                diagnostics.append(Diagnostic(.duplicate, "duplicate framework \(f.id)", at: .wholeFile(file)))
            }
        }
    }

    /// A file's UTF-8 text, or the diagnostic saying why it cannot be had.
    static func readText(file: String, what: String) -> Result<String, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: file) else {
            return .failure(Diagnostic(.io, "cannot read \(what)", at: .wholeFile(file)))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(Diagnostic(.invalidUTF8, "\(what) is not UTF-8", at: .wholeFile(file)))
        }
        return .success(text)
    }

    /// Loads one YAML file as a Checkov policy when it has top-level `metadata:` and `definition:` keys,
    /// otherwise as a Bulwark check.
    public static func loadCheck(file: String) -> Result<CheckDefinition, Diagnostic> {
        readText(file: file, what: "check file").flatMap { loadCheck(text: $0, file: file) }
    }

    /// Loads one check from its text, a Checkov policy or a Bulwark check as `loadCheck(file:)` tells them apart.
    public static func loadCheck(text: String, file: String) -> Result<CheckDefinition, Diagnostic> {
        if isCheckovPolicy(text) { return CheckovPolicyLoader.load(yaml: text, file: file) }
        return CheckLoader.load(yaml: text, file: file)
    }

    /// A Checkov policy's two top-level keys; Bulwark's format has neither.
    static func isCheckovPolicy(_ text: String) -> Bool {
        // Both keys are ASCII, which no other text is canonically equivalent to: without both byte sequences
        // somewhere in the file, no line can start with them.
        guard contains(text, "metadata:"), contains(text, "definition:") else { return false }
        var hasMetadata = false
        var hasDefinition = false
        for line in text.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("metadata:") { hasMetadata = true }
            if line.hasPrefix("definition:") { hasDefinition = true }
        }
        return hasMetadata && hasDefinition
    }

    /// Whether `needle`'s UTF-8 bytes occur in `text`'s.
    private static func contains(_ text: String, _ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let head = pattern.first else { return true }
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= pattern.count else { return false }
            var i = 0
            let last = bytes.count - pattern.count
            while i <= last {
                if bytes[i] == head, memcmp(bytes.baseAddress! + i, pattern.baseAddress!, pattern.count) == 0 {
                    return true
                }
                i += 1
            }
            return false
        }
    }

    /// Check files and framework files (those inside a `frameworks` folder) under `dir`, each sorted.
    static func yamlFiles(under dir: String) -> (checks: [String], frameworks: [String]) {
        var relatives: [String] = []
        guard let enumerator = FileManager.default.enumerator(atPath: dir) else { return ([], []) }
        while let relative = enumerator.nextObject() as? String { relatives.append(relative) }
        let (checks, frameworks) = classify(relatives)
        let full = { (relative: String) in (dir as NSString).appendingPathComponent(relative) }
        return (checks.map(full), frameworks.map(full))
    }

    /// Splits relative paths into check files and framework files (those inside a `frameworks` folder), each
    /// sorted; hidden files and other layers' data folders are neither.
    static func classify<Paths: Sequence<String>>(_ relatives: Paths) -> (checks: [String], frameworks: [String]) {
        var checks: [String] = []
        var frameworks: [String] = []
        for relative in relatives {
            let components = relative.split(separator: "/")
            if components.contains(where: { $0.hasPrefix(".") }) { continue }
            // Data files of other layers live beside the checks (drift's attribute table), never checks themselves.
            if components.first == "drift" || components.first == "anomaly" { continue }
            guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { continue }
            if components.dropLast().contains("frameworks") { frameworks.append(relative) } else { checks.append(relative) }
        }
        return (checks.sorted(), frameworks.sorted())
    }
}

extension Diagnostic.Code {
    /// A framework file names a check the library does not hold.
    public static let unknownCheck: Diagnostic.Code = "unknown_check"
}
