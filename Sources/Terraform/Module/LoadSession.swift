import Foundation
import HCL
import Model

/// State shared by every module instance of one load: options, parsed-module cache, manifest, diagnostics.
/// Used from one thread at a time (the loader's), so a plain class is enough.
final class LoadSession {
    let options: LoadOptions
    let rootDirectory: String
    let displayBase: String
    let manifest: ModuleManifest
    let functions: FunctionTable
    /// Resource, data and ephemeral instance objects: their unset attributes are computed, so reading one is unknown.
    let openObjects = OpenObjects()
    /// Warnings evaluation raises without failing (a missing build artifact read by `file()`).
    let warnings = WarningLog()
    private var configs: [String: ModuleConfig] = [:]
    /// Per manifest key and directory: the module's item graph, built once however many instances it has.
    private var graphs: [String: ModuleGraph] = [:]
    private var reportedNotLoaded: Set<String> = []
    var diagnostics: [Diagnostic] = []
    /// Module instances, resource instances and time this load may still spend.
    var budget: LoadBudget
    /// Elements every `for` expression of this load may produce together.
    let iterations: IterationBudget
    var files: [String] = []
    /// Key-stripped config address → block range, for mapping plan resources back to source.
    var sourceRanges: [String: SourceRange] = [:]

    init(rootDirectory: String, displayBase: String, options: LoadOptions) {
        self.options = options
        self.rootDirectory = rootDirectory
        self.displayBase = displayBase
        self.manifest = ModuleManifest(
            rootDirectory: rootDirectory, maxFileSize: options.maxFileSize, tree: options.fileTree, readRoots: options.readRoots)
        self.functions = .standard
        self.budget = LoadBudget(options: options)
        self.iterations = IterationBudget(limit: options.maxForElements)
        diagnostics.append(contentsOf: manifest.diagnostics)
    }

    /// Every module directory whose configuration this load read (standardized).
    var moduleDirectories: [String] { Array(configs.keys) }

    var parserLimits: ParserLimits { ParserLimits(maxFileSize: options.maxFileSize, maxDepth: options.maxDepth) }

    /// The parsed declarations of `directory`, parsed once however many times the module is called.
    func config(forDirectory directory: String, files explicit: [String]? = nil) -> ModuleConfig {
        let key = options.fileTree.standardizedPath(directory)
        if let cached = configs[key] { return cached }
        var paths: [String] = explicit ?? []
        if explicit == nil {
            do {
                paths = try ModuleFiles.configurationFiles(in: directory, tree: options.fileTree)
            } catch {
                diagnostics.append(error)
            }
        }
        let links = ConfigurationLinks(roots: options.treeRoots, rootModule: rootDirectory, tree: options.fileTree)
        // Files named explicitly are read as asked; a directory's listing must not lead out of the scanned tree.
        paths = paths.filter { path in
            guard explicit == nil, let escaping = links.escapingLink(path) else { return true }
            diagnostics.append(escaping)
            return false
        }
        let parsed = ModuleFiles.parse(paths, displayBase: displayBase, limits: parserLimits, in: options.fileTree, links: links)
        for file in parsed {
            diagnostics.append(contentsOf: file.diagnostics)
            files.append(file.filename)
        }
        let config = ModuleConfig(directory: directory, files: parsed)
        diagnostics.append(contentsOf: config.diagnostics)
        configs[key] = config
        return config
    }

    /// The item graph of `config` called as `callKey` at `depth`, with its child modules' graphs built first
    /// so that an output of a call depends only on the inputs the child's output reads.
    func graph(for config: ModuleConfig, callKey: String, depth: Int) -> ModuleGraph {
        let key = callKey + "\u{1F}" + options.fileTree.standardizedPath(config.directory)
        if let cached = graphs[key] { return cached }
        let graph = ModuleGraph(config: config) { call in
            let childKey = callKey.isEmpty ? call.name : "\(callKey).\(call.name)"
            guard depth + 1 <= options.maxModuleDepth, budget.admitGraph(call: childKey, at: call.range),
                let directory = moduleDirectory(
                    source: call.source, callKey: childKey, parentDirectory: config.directory, range: call.range,
                    sourceRange: call.sourceRange)
            else { return nil }
            let child = self.config(forDirectory: directory)
            return self.graph(for: child, callKey: childKey, depth: depth + 1).outputVariables
        }
        graphs[key] = graph
        return graph
    }

    /// Whether the load has stopped: a bound crossed or the deadline passed (see `LoadBudget`).
    func isStopped(evaluating what: @autoclosure () -> String, at range: SourceRange?) -> Bool {
        budget.isStopped(evaluating: what(), at: range, iterations: iterations)
    }

    /// Runs `body` and drops the diagnostics it reports: a module evaluated with some inputs not yet known
    /// is evaluated again once they are, and only that evaluation speaks.
    func muted<T>(_ body: () -> T) -> T {
        let mark = diagnostics.count
        defer { diagnostics.removeSubrange(mark...) }
        return body()
    }

    /// Where module call `callKey` (e.g. `vpc.subnets`) with `source` lives, or nil after reporting it once.
    /// A directory outside the read roots is refused, before it is looked at, at `sourceRange` (the `source`
    /// argument's; the call's `range` when not given).
    func moduleDirectory(
        source: String, callKey: String, parentDirectory: String, range: SourceRange, sourceRange: SourceRange? = nil
    ) -> String? {
        if ModuleSource.isLocal(source) {
            let tree = options.fileTree
            let dir = tree.standardizedPath((parentDirectory as NSString).appendingPathComponent(source))
            guard confined(dir, callKey: callKey, source: source, range: sourceRange ?? range) else { return nil }
            if tree.resolvedKind(dir) == .directory { return dir }
            reportOnce(
                callKey, Diagnostic(.moduleNotLoaded, "Module \"\(callKey)\": local source \"\(source)\" is not a directory", at: range))
            return nil
        }
        if let dir = manifest.directory(forKey: callKey) {
            return confined(dir, callKey: callKey, source: source, range: sourceRange ?? range) ? dir : nil
        }
        reportOnce(
            callKey,
            Diagnostic(
                .moduleNotLoaded,
                "Module \"\(callKey)\" (source \"\(source)\") is not loaded: it is not a local path and .terraform/modules/modules.json does not list it (run terraform init); its resources are not scanned and its outputs are unknown",
                at: range, severity: .warning))
        return nil
    }

    /// Whether module directory `dir` lies inside the read roots; when not, the call is reported (once) and its
    /// outputs stay unknown. The message names the call and its source as written, never where it resolved.
    private func confined(_ dir: String, callKey: String, source: String, range: SourceRange) -> Bool {
        guard let roots = options.readRoots, !roots.contains(dir, in: options.fileTree) else { return true }
        reportOnce(
            callKey,
            Diagnostic(
                .outsideReadRoots,
                "Module \"\(callKey)\" (source \"\(source)\") is not loaded: its directory lies outside the directories this scan may read (the scanned repository and --allow-read); its resources are not scanned and its outputs are unknown",
                at: range, severity: .warning))
        return false
    }

    private func reportOnce(_ key: String, _ diagnostic: Diagnostic) {
        guard reportedNotLoaded.insert(key).inserted else { return }
        diagnostics.append(diagnostic)
    }
}
