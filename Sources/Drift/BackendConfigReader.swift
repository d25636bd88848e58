import Foundation
import HCL
import Model
import Terraform

/// Finds where a root module keeps its state from its `terraform { backend "…" { … } }` block.
public enum BackendConfigReader {
    /// The state location of the root module in `directory`: the `s3` backend's object, the `local` backend's
    /// path, or `terraform.tfstate` beside the configuration when no backend is declared (Terraform's default).
    /// Other backends, and values that are not literal, are diagnostics with a nil location.
    public static func stateLocation(directory: String) -> (location: StateLocation?, diagnostics: [Diagnostic]) {
        stateLocation(directory: directory, tree: DiskFileTree())
    }

    /// `stateLocation(directory:)` over any file tree — a Git commit's `MemoryFileTree` in the reconcile stage.
    public static func stateLocation(directory: String, tree: any FileTree) -> (location: StateLocation?, diagnostics: [Diagnostic]) {
        let files: [String]
        do {
            // Terraform's own file list and order: override files come last, so that their backend wins.
            files = try ModuleFiles.configurationFiles(in: directory, tree: tree)
        } catch {
            return (nil, [error])
        }
        var diagnostics: [Diagnostic] = []
        var found: Block?
        for path in files {
            let bytes: [UInt8]
            switch tree.read(path, maxSize: LoadOptions().maxFileSize) {
            case .success(let data): bytes = data
            case .tooLarge(let size):
                diagnostics.append(Diagnostic(.io, "File is too large (\(size) bytes)", at: .wholeFile(path)))
                continue
            case .missing, .failure:
                diagnostics.append(Diagnostic(.io, "Cannot read file", at: .wholeFile(path)))
                continue
            }
            let parsed = path.hasSuffix(".json") ? HCLJSONSyntax.parse(bytes, filename: path) : HCLParser.parse(bytes, filename: path)
            diagnostics += parsed.diagnostics.filter { $0.severity == .error }
            for block in parsed.body.blocks(ofType: "terraform") {
                for backend in block.body.blocks(ofType: "backend") { found = backend }
            }
        }
        guard let backend = found else {
            return (.local(path: (directory as NSString).appendingPathComponent("terraform.tfstate")), diagnostics)
        }
        return location(of: backend, directory: directory, diagnostics: diagnostics)
    }

    /// Reads one `backend` block.
    static func location(of backend: Block, directory: String, diagnostics: [Diagnostic]) -> (StateLocation?, [Diagnostic]) {
        var diagnostics = diagnostics
        let kind = backend.labels.first ?? ""
        func literal(_ name: String) -> String? {
            guard let attribute = backend.body.attribute(name) else { return nil }
            // Terraform forbids references in backend blocks, so an empty context is exactly right.
            guard let value = try? Evaluator.evaluate(attribute.expression, in: EvalContext()), let text = value.stringValue else {
                diagnostics.append(
                    Diagnostic(.invalidBackend, "backend \"\(kind)\" argument \"\(name)\" must be a literal string", at: attribute.range))
                return nil
            }
            return text
        }
        switch kind {
        case "s3":
            let bucket = literal("bucket")
            let key = literal("key")
            let region = literal("region")
            guard let bucket, let key else {
                diagnostics.append(
                    Diagnostic(
                        .invalidBackend,
                        "backend \"s3\" needs \"bucket\" and \"key\" in the configuration (partial configuration is not supported)",
                        at: backend.typeRange))
                return (nil, diagnostics)
            }
            return (.s3(bucket: bucket, key: key, region: region), diagnostics)
        case "local":
            let path = literal("path") ?? "terraform.tfstate"
            let full = path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
            return (.local(path: full), diagnostics)
        default:
            diagnostics.append(
                Diagnostic(
                    .invalidBackend, "backend \"\(kind)\" is not supported for drift; pass the state file with --state",
                    at: backend.typeRange))
            return (nil, diagnostics)
        }
    }
}
