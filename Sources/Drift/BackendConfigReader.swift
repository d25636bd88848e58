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
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            return (nil, [Diagnostic(.io, "Cannot read directory: \(error.localizedDescription)", at: .wholeFile(directory))])
        }
        var diagnostics: [Diagnostic] = []
        var found: Block?
        // Override files come last so that their backend wins, as Terraform merges them.
        let files = names.filter { $0.hasSuffix(".tf") || $0.hasSuffix(".tf.json") }.sorted { (isOverride($0) ? 1 : 0, $0) < (isOverride($1) ? 1 : 0, $1) }
        for name in files {
            let path = (directory as NSString).appendingPathComponent(name)
            let parsed: ParsedFile
            if name.hasSuffix(".json") {
                switch HCLParser.readFile(atPath: path, maxFileSize: LoadOptions().maxFileSize) {
                case .success(let bytes): parsed = HCLJSONSyntax.parse(bytes, filename: path)
                case .failure(let d):
                    diagnostics.append(d)
                    continue
                }
            } else {
                parsed = HCLParser.parseFile(atPath: path)
            }
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
                diagnostics.append(Diagnostic(.invalidBackend, "backend \"\(kind)\" argument \"\(name)\" must be a literal string", at: attribute.range))
                return nil
            }
            return text
        }
        switch kind {
        case "s3":
            let bucket = literal("bucket"), key = literal("key"), region = literal("region")
            guard let bucket, let key else {
                diagnostics.append(Diagnostic(.invalidBackend,
                    "backend \"s3\" needs \"bucket\" and \"key\" in the configuration (partial configuration is not supported)", at: backend.typeRange))
                return (nil, diagnostics)
            }
            return (.s3(bucket: bucket, key: key, region: region), diagnostics)
        case "local":
            let path = literal("path") ?? "terraform.tfstate"
            let full = path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
            return (.local(path: full), diagnostics)
        default:
            diagnostics.append(Diagnostic(.invalidBackend, "backend \"\(kind)\" is not supported for drift; pass the state file with --state",
                                          at: backend.typeRange))
            return (nil, diagnostics)
        }
    }

    private static func isOverride(_ name: String) -> Bool {
        let stem = name.hasSuffix(".tf.json") ? String(name.dropLast(8)) : String(name.dropLast(3))
        return stem == "override" || stem.hasSuffix("_override")
    }
}
