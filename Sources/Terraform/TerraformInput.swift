import Dispatch
import Foundation
import HCL
import Model

/// Any Terraform input Bulwark reads, loaded into resources: a module directory, `.tf` files, a plan or a state.
public struct TerraformInput: Sendable {
    /// What the path turned out to be.
    public enum Kind: String, Sendable {
        case module
        case files
        case plan
        case state
    }

    public var path: String
    public var kind: Kind
    public var resources: [Resource]
    public var diagnostics: [Diagnostic]
    /// Files read (module files, or the one JSON file).
    public var files: [String]

    /// Loads `path`; a plan JSON with `.tf` sources in its directory gets file/line mapping from them.
    public static func load(_ path: String, options: LoadOptions = LoadOptions()) -> TerraformInput {
        let tree = options.fileTree
        guard let kind = tree.resolvedKind(path) else {
            return TerraformInput(
                path: path, kind: .files, resources: [], diagnostics: [Diagnostic(.io, "No such file or directory", at: .wholeFile(path))],
                files: [])
        }
        if kind == .directory {
            let loaded = ModuleLoader.load(directory: path, options: options)
            return TerraformInput(
                path: path, kind: .module, resources: loaded.resources, diagnostics: loaded.diagnostics, files: loaded.files)
        }
        if path.hasSuffix(".tf") || path.hasSuffix(".tf.json") {
            let loaded = ModuleLoader.load(files: [path], options: options)
            return TerraformInput(
                path: path, kind: .files, resources: loaded.resources, diagnostics: loaded.diagnostics, files: loaded.files)
        }
        let bytes: [UInt8]
        switch HCLParser.readFile(atPath: path, maxFileSize: options.inputFileLimit, in: tree) {
        case .failure(let d):
            return TerraformInput(path: path, kind: .files, resources: [], diagnostics: [d], files: [path])
        case .success(let b):
            bytes = b
        }
        if looksLikeState(bytes) {
            let state = StateReader.read(bytes: bytes, filename: path, options: options)
            return TerraformInput(path: path, kind: .state, resources: state.resources, diagnostics: state.diagnostics, files: [path])
        }
        let directory = (path as NSString).deletingLastPathComponent
        let sources = sourceLocator(directory.isEmpty ? "." : directory, options: options)
        let plan = PlanReader.read(bytes: bytes, filename: path, options: options, locateSource: sources)
        return TerraformInput(path: path, kind: .plan, resources: plan.resources, diagnostics: plan.diagnostics, files: [path])
    }

    /// Loads several inputs concurrently; results keep the order of `paths`.
    public static func loadAll(_ paths: [String], options: LoadOptions = LoadOptions()) -> [TerraformInput] {
        let slots = ConcurrentSlots<TerraformInput>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            slots.store(load(paths[i], options: options), at: i)
        }
        return slots.values()
    }

    /// A state file has top-level `"lineage"`/`"serial"`; a plan has `"planned_values"`. Only the head is inspected.
    static func looksLikeState(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        return head.contains("\"lineage\"") && !head.contains("\"planned_values\"") && !head.contains("\"format_version\"")
    }

    /// Block ranges of the `.tf` files beside a plan, or nil when there are none.
    static func sourceLocator(_ directory: String, options: LoadOptions) -> (@Sendable (String) -> SourceRange?)? {
        let hasSources = (options.fileTree.entries(directory) ?? []).contains { $0.hasSuffix(".tf") || $0.hasSuffix(".tf.json") }
        guard hasSources else { return nil }
        let ranges = ModuleLoader.load(directory: directory, options: options).sourceRanges
        return { address in ranges[LoadedConfiguration.stripInstanceKeys(address)] }
    }
}
