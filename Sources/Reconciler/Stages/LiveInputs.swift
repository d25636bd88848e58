import Drift
import Foundation
import Model

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
    public func gather(clouds: [LiveCloud], baselines: [String], state: String?, paths: [String],
                       ignoreFiles: [String]) async -> LivePostureInputs {
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
        let (desired, warnings) = await desiredState(state: state, paths: paths)
        inputs.desired = desired
        inputs.warnings += warnings
        return inputs
    }

    /// The desired resources: from `state`, else from every path's backend. Nil (drift skipped) when none is found.
    public func desiredState(state: String?, paths: [String]) async -> (DesiredState?, [String]) {
        var locations: [StateLocation] = []
        var warnings: [String] = []
        if let state {
            guard let location = StateLocation.parse(state) else {
                return (nil, ["drift skipped: state '\(state)' is neither a path nor s3://bucket/key"])
            }
            locations = [location.isLocal ? .local(path: resolve(state)) : location]
        } else {
            for path in paths {
                let (location, diagnostics) = BackendConfigReader.stateLocation(directory: resolve(path), tree: tree)
                warnings += diagnostics.map { "backend: \($0.description)" }
                guard let location else { continue }
                // Terraform's default local state beside the configuration is optional; a declared one is not.
                if case .local(let file) = location, tree.kind(file) == nil { continue }
                locations.append(location)
            }
        }
        guard !locations.isEmpty else {
            return (nil, warnings + ["drift skipped: no state configured and no backend with a state in "
                                     + paths.joined(separator: ", ")])
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
            case .s3:
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
        return (DesiredState(resources: resources, source: source, diagnostics: diagnostics), warnings)
    }

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : TreePath.clean(root + "/" + path)
    }

    /// A path relative to the root for messages (a commit's virtual root means nothing to a reader).
    private func display(_ path: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
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
