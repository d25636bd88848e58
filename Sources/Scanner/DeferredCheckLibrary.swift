import Checks
import Foundation

/// An in-memory check library whose checks are compiled when a scan first needs them, by resource type, and kept.
///
/// Compiling every check file was nearly all the start-up of `bulwark scan`; a scan touches the checks of the
/// types its resources have, and none at all when it finds no resources. Frameworks load only when a compiled
/// check needs its compliance controls or a caller asks for them. Meant for a library known to load cleanly
/// (the one compiled into the binary, held to that by its tests): files that fail to compile are left out without
/// a diagnostic, which a full load (`full`) would report.
final class DeferredCheckLibrary: @unchecked Sendable {
    // Mutable state is guarded by `lock`; everything else is set once in `init`.
    let files: CheckLibraryFiles
    /// Check files, relative paths in the order a full load adds them.
    private let paths: [String]
    /// Indices into `paths` by resource type as the file's text names it (`data.TYPE` for data sources), and the
    /// files whose types are `*` or could not be read from the text (compiled whenever any resource is scanned);
    /// built when a scan first has resources.
    private var index: (byType: [String: [Int]], anyType: [Int])?
    private let lock = NSLock()
    private var compiled: [Int: CheckDefinition] = [:]
    private var controls: [String: [(framework: String, control: String)]]?
    private var loadedFrameworks: [String: ComplianceFramework]?
    private var loadedFull: CheckLibrary?

    /// A library of the check and framework files of `files`, nothing read yet.
    init(files: CheckLibraryFiles) {
        self.files = files
        paths = CheckLibrary.classify(files.contents.keys).checks
    }

    /// The check files indexed by the resource types their texts name.
    private func indexLocked() -> (byType: [String: [Int]], anyType: [Int]) {
        if let index { return index }
        var byType: [String: [Int]] = [:]
        var anyType: [Int] = []
        for (i, path) in paths.enumerated() {
            guard let types = files.contents[path].flatMap(CheckFileIndex.resourceTypes(in:)), !types.contains("*") else {
                anyType.append(i)
                continue
            }
            for type in Set(types) { byType[type, default: []].append(i) }
        }
        index = (byType, anyType)
        return (byType, anyType)
    }

    /// How many checks the library holds (one per check file, as a clean library has).
    var count: Int { paths.count }

    /// The whole library loaded as `CheckLibrary.load(embedded:)` loads it, once.
    var full: CheckLibrary {
        lock.withLock {
            if let loadedFull { return loadedFull }
            let library = CheckLibrary.load(embedded: files)
            loadedFull = library
            return library
        }
    }

    /// How many checks have been compiled so far (the work a scan caused).
    var compiledCount: Int { lock.withLock { compiled.count } }

    /// Whether the frameworks have been loaded.
    var frameworksLoaded: Bool { lock.withLock { loadedFrameworks != nil || loadedFull != nil } }

    /// The library's frameworks by ID, loaded on first use.
    var frameworks: [String: ComplianceFramework] {
        lock.withLock { frameworksLocked() }
    }

    /// The checks that may apply to resources of `keys` (resource types, `data.TYPE` for data sources), in library
    /// order, with the compliance controls the frameworks give them; a superset of those that apply.
    func checks(forTypes keys: Set<String>) -> [CheckDefinition] {
        guard !keys.isEmpty else { return [] }
        let (order, missing) = lock.withLock {
            let index = indexLocked()
            var wanted = Set(index.anyType)
            for key in keys { wanted.formUnion(index.byType[key] ?? []) }
            let order = wanted.sorted()
            return (order, order.filter { compiled[$0] == nil })
        }
        if !missing.isEmpty {
            let files = self.files
            let paths = self.paths
            let loaded = ParallelMap.map(missing) { i in
                CheckLibrary.loadCheck(text: files.contents[paths[i]] ?? "", file: files.fileName(paths[i]))
            }
            lock.withLock {
                let controls = controlsLocked()
                for (i, result) in zip(missing, loaded) {
                    guard case .success(var check) = result else { continue }
                    for (framework, control) in controls[check.id] ?? [] {
                        var ids = check.references.cis[framework] ?? []
                        if !ids.contains(control) { ids.append(control) }
                        check.references.cis[framework] = ids
                    }
                    compiled[i] = check
                }
            }
        }
        return lock.withLock { order.compactMap { compiled[$0] } }
    }

    private func frameworksLocked() -> [String: ComplianceFramework] {
        if let loadedFull { return loadedFull.frameworks }
        if let loadedFrameworks { return loadedFrameworks }
        let frameworks = CheckLibrary.loadFrameworks(embedded: files)
        loadedFrameworks = frameworks
        return frameworks
    }

    /// Check ID → the framework controls listing it, in the order `CheckLibrary.applyControlChecks` folds them in.
    private func controlsLocked() -> [String: [(framework: String, control: String)]] {
        if let controls { return controls }
        let frameworks = frameworksLocked()
        var found: [String: [(framework: String, control: String)]] = [:]
        for frameworkID in frameworks.keys.sorted() {
            guard let framework = frameworks[frameworkID] else { continue }
            for control in framework.controls {
                for checkID in framework.controlChecks[control.id] ?? [] {
                    found[checkID, default: []].append((frameworkID, control.id))
                }
            }
        }
        controls = found
        return found
    }
}
