import Drift
import Foundation
import Model
import Terraform

/// Gathers a live posture run's inputs from a file tree — a commit's files in the reconcile stage, the disk for
/// `bulwark drift`: security baselines, the desired state (explicit, or the backend block of the configuration)
/// and `.bulwarkignore` rules. Nothing here throws: what cannot be read becomes a warning naming the file.
public struct LiveInputs: Sendable {
    /// Where relative paths start.
    public var tree: any FileTree
    public var root: String
    /// Fetches `s3://` state objects; nil reports such a state as unreadable.
    public var fetcher: (any StateObjectFetcher)?
    /// Largest file read.
    public var maxFileSize: Int

    /// Inputs read from `tree`, relative paths against `root`.
    public init(tree: any FileTree, root: String, fetcher: (any StateObjectFetcher)?, maxFileSize: Int = 64 << 20) {
        self.tree = tree
        self.root = root
        self.fetcher = fetcher
        self.maxFileSize = maxFileSize
    }

    /// Everything for `clouds`: `baselines` (paths), `state` (`s3://…` or a path; nil = the backend block of each
    /// of `paths`), and the ignore rules of `ignoreFiles` (missing files are skipped).
    public func gather(
        clouds: [DiscoveryCloud], baselines: [String], state: String?, paths: [String],
        ignoreFiles: [String], moreStates: [String] = []
    ) async -> LivePostureInputs {
        var inputs = LivePostureInputs(clouds: clouds)
        for path in baselines {
            let full = resolve(path)
            switch text(full) {
            case .success(let yaml):
                do {
                    inputs.baselines.append(try SecurityBaselineLoader.load(yaml: yaml, file: path))
                } catch {
                    inputs.warnings.append("baseline \(path) not used: \(error.description)")
                }
            case .failure(let reason): inputs.warnings.append("baseline \(path) not used: \(reason)")
            }
        }
        var rules: [DriftIgnore.Rule] = []
        for path in ignoreFiles {
            guard case .success(let content) = text(resolve(path)) else { continue }
            let parsed = DriftIgnore.parse(content, file: path)
            rules += parsed.ignore.rules
            inputs.warnings += parsed.diagnostics.map { "ignore file: \($0.description)" }
        }
        inputs.ignore = DriftIgnore(rules: rules)
        let (desired, warnings) = await desiredState(states: (state.map { [$0] } ?? []) + moreStates, paths: paths)
        inputs.desired = desired
        inputs.warnings += warnings
        return inputs
    }

    /// The desired resources: from `state`, else from every path's backend, with the configuration of the paths
    /// that state belongs to (every path for an explicit `state`). Nil (drift skipped) when no state is found.
    public func desiredState(state: String?, paths: [String]) async -> (DesiredState?, [String]) {
        await desiredState(states: state.map { [$0] } ?? [], paths: paths)
    }

    /// As `desiredState(state:paths:)` with several states merged (several root modules of one estate, as driftctl
    /// reads them); none = the paths' backends.
    public func desiredState(states: [String], paths: [String]) async -> (DesiredState?, [String]) {
        var locations: [StateLocation] = []
        var configured: [String] = []
        var warnings: [String] = []
        if !states.isEmpty {
            for state in states {
                guard let location = StateLocation.parse(state) else {
                    return (nil, ["drift skipped: state '\(state)' is neither a path, s3://bucket/key nor s3://bucket/prefix/"])
                }
                locations.append(location.isLocal ? .local(path: resolve(state)) : location)
            }
            configured = paths
        } else {
            for path in paths {
                let (location, diagnostics) = BackendConfigReader.stateLocation(directory: directory(of: resolve(path)), tree: tree)
                warnings += diagnostics.map { "backend: \($0.description)" }
                guard let location else { continue }
                // Terraform's default local state beside the configuration is optional; a declared one is not.
                if case .local(let file) = location, tree.kind(file) == nil { continue }
                locations.append(location)
                configured.append(path)
            }
        }
        guard !locations.isEmpty else {
            return (
                nil,
                warnings + [
                    "drift skipped: no state configured and no backend with a state in "
                        + paths.joined(separator: ", ")
                ]
            )
        }
        var resources: [Resource] = []
        var diagnostics: [Diagnostic] = []
        for location in locations {
            let loaded: (resources: [Resource], diagnostics: [Diagnostic])
            switch location {
            case .local(let file):
                switch tree.read(file, maxSize: maxFileSize) {
                case .success(let bytes): loaded = DesiredStateLoader.read(bytes, filename: display(file))
                default: return (nil, warnings + ["drift skipped: state file \(display(file)) cannot be read"])
                }
            case .s3, .s3Prefix:
                loaded = await DesiredStateLoader.load(location, fetcher: fetcher)
            }
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            if loaded.resources.isEmpty, let first = errors.first {
                return (nil, warnings + ["drift skipped: \(first.description)"])
            }
            resources += loaded.resources
            diagnostics += loaded.diagnostics
        }
        let source = locations.map { $0.isLocal ? display($0.description) : $0.description }.joined(separator: ", ")
        let config = await configuration(configured)
        return (
            DesiredState(
                resources: resources, configuration: config.resources, source: source,
                diagnostics: diagnostics + config.diagnostics), warnings
        )
    }

    /// The resources `paths` declare — module directories, `.tf` files or `terraform show -json` plans — read from
    /// the tree, with file names relative to the root. A path that holds a state adds nothing. Only errors are
    /// kept: the scanner reports the rest, and a resource the loader could not read keeps its state values.
    public func configuration(_ paths: [String]) async -> (resources: [Resource], diagnostics: [Diagnostic]) {
        var options = LoadOptions()
        options.fileTree = tree
        options.maxFileSize = min(options.maxFileSize, maxFileSize)
        let full = paths.map(resolve)
        let loadOptions = options
        let inputs = await OffPool.run { TerraformInput.loadAll(full, options: loadOptions) }
        var resources: [Resource] = []
        var diagnostics: [Diagnostic] = []
        for input in inputs where input.kind != .state {
            let base = input.kind == .module ? display(input.path) : display(directory(of: input.path))
            resources += input.resources.map { relocate($0, base: base) }
            diagnostics += input.diagnostics.filter { $0.severity == .error }
        }
        return (resources, diagnostics)
    }

    /// The resource with its block's file name relative to the root (the loader names files from their module).
    private func relocate(_ resource: Resource, base: String) -> Resource {
        var out = resource
        switch resource.origin {
        case .iac(var range):
            range.file = joined(base, range.file)
            out.origin = .iac(range)
        case .plan(let file, var source?):
            source.file = joined(base, source.file)
            out.origin = .plan(file: display(file), source: source)
        case .plan(let file, nil):
            out.origin = .plan(file: display(file), source: nil)
        case .state, .live:
            break
        }
        return out
    }

    private func joined(_ base: String, _ file: String) -> String {
        if file.hasPrefix("/") { return display(file) }
        return base.isEmpty || base == "." ? file : TreePath.clean(base + "/" + file)
    }

    /// A module directory, or the directory holding a file (a plan, a single `.tf`).
    private func directory(of path: String) -> String {
        guard tree.resolvedKind(path) == .file else { return path }
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : TreePath.clean(root + "/" + path)
    }

    /// A path relative to the root for messages (a commit's virtual root means nothing to a reader).
    private func display(_ path: String) -> String {
        if path == root { return "." }
        return path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }

    private func text(_ path: String) -> Result<String, LiveInputError> {
        switch tree.read(path, maxSize: maxFileSize) {
        case .success(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(LiveInputError("not UTF-8")) }
            return .success(text)
        case .missing: return .failure(LiveInputError("no such file"))
        case .tooLarge(let size): return .failure(LiveInputError("too large (\(size) bytes)"))
        case .failure(let reason): return .failure(LiveInputError(reason))
        }
    }
}

/// Why an input file could not be read (it becomes a warning, never a thrown error).
struct LiveInputError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension StateLocation {
    /// True for a local file.
    var isLocal: Bool {
        if case .local = self { return true }
        return false
    }
}
