import Foundation
import HCL
import Model

/// Loads a Terraform root module directory (with its local and installed child modules) into the resource model.
public enum ModuleLoader {
    /// Loads the root module in `directory`. Never throws: problems are in `diagnostics`.
    public static func load(directory: String, options: LoadOptions = LoadOptions()) -> LoadedConfiguration {
        load(directory: directory, files: nil, options: options)
    }

    /// Loads only the given `.tf`/`.tf.json` files as one module (scanning a single file).
    public static func load(files: [String], options: LoadOptions = LoadOptions()) -> LoadedConfiguration {
        let directory = files.first.map { ($0 as NSString).deletingLastPathComponent } ?? "."
        return load(directory: directory.isEmpty ? "." : directory, files: files, options: options)
    }

    private static func load(directory: String, files: [String]?, options: LoadOptions) -> LoadedConfiguration {
        let base = files == nil ? directory : "."
        let session = LoadSession(rootDirectory: directory, displayBase: base, options: options)
        let tree = options.fileTree
        if files == nil, tree.resolvedKind(directory) != .directory {
            return LoadedConfiguration(
                rootDirectory: directory, resources: [], outputs: [:],
                diagnostics: [Diagnostic(.io, "No such module directory", at: .wholeFile(directory))], files: [], sourceRanges: [:])
        }
        let config = session.config(forDirectory: directory, files: files)
        var plain = EvalContext()
        plain.deadline = options.deadline
        plain.functionContext = FunctionContext(
            baseDirectory: tree.workingDirectory, maxFileSize: options.maxFileSize, fileTree: tree, readRoots: options.readRoots,
            maxHashedFileSize: options.inputFileLimit)
        plain.warnings = session.warnings
        plain.missingFilesFail = true
        let roots = RootVariables(config: config, options: options, displayBase: base, ctx: plain)
        session.diagnostics.append(contentsOf: roots.diagnostics)
        let root = ModuleInstance(
            session: session, config: config, modulePath: [], callKey: "", depth: 0, inputs: roots.values,
            inputTargets: [:], isRoot: true)
        root.run()
        session.diagnostics.append(contentsOf: session.warnings.diagnostics)
        // A load stopped by a bound or the deadline saw only part of the configuration: none of it is reported
        // as scanned, so no check passes on what happened to be evaluated first.
        if let stopped = session.budget.stopReason {
            session.diagnostics.append(stopped)
            return LoadedConfiguration(
                rootDirectory: directory, resources: [], outputs: [:], diagnostics: session.diagnostics, files: session.files,
                sourceRanges: session.sourceRanges)
        }
        if files == nil, let scopes = options.scopes {
            scopes.keep(ModuleScope(root: root, graph: root.graph), for: directory)
        }
        return LoadedConfiguration(
            rootDirectory: directory, resources: root.resources, outputs: root.outputs,
            diagnostics: session.diagnostics, files: session.files, sourceRanges: session.sourceRanges)
    }
}
