import Foundation
import HCL
import Model

/// Values for the root module's input variables, gathered with Terraform's precedence:
/// default < `TF_VAR_*` < `terraform.tfvars(.json)` < `*.auto.tfvars(.json)` < var files < `-var`.
struct RootVariables {
    var values: [String: Value] = [:]
    var diagnostics: [Diagnostic] = []

    init(config: ModuleConfig, options: LoadOptions, displayBase: String, ctx: EvalContext) {
        let declared = Dictionary(config.variables.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for (key, raw) in options.environment.sorted(by: { $0.key < $1.key }) where key.hasPrefix("TF_VAR_") {
            let name = String(key.dropFirst(7))
            guard let variable = declared[name] else { continue }
            set(name, parseRaw(raw, type: variable.type, origin: "environment variable \(key)"), from: nil, declared: declared)
        }
        let dir = config.directory
        let tree = options.fileTree
        var files: [String] = []
        for name in ["terraform.tfvars", "terraform.tfvars.json"] {
            let path = (dir as NSString).appendingPathComponent(name)
            if tree.resolvedKind(path) != nil { files.append(path) }
        }
        let names = tree.entries(dir) ?? []
        files += names.filter { $0.hasSuffix(".auto.tfvars") || $0.hasSuffix(".auto.tfvars.json") }.sorted()
            .map { (dir as NSString).appendingPathComponent($0) }
        // The module's own tfvars are content of the scanned tree: one that links outside is not read.
        files = files.filter { path in
            guard let roots = options.readRoots, !roots.contains(path, in: tree) else { return true }
            diagnostics.append(
                Diagnostic(
                    .outsideReadRoots, "Not read: this variables file leads outside the directories this scan may read",
                    at: .wholeFile(ModuleFiles.display(path, base: displayBase)), severity: .warning))
            return false
        }
        files += options.varFiles
        for path in files {
            loadFile(path, display: ModuleFiles.display(path, base: displayBase), declared: declared, options: options, ctx: ctx)
        }
        for (name, raw) in options.variableOverrides {
            guard let variable = declared[name] else {
                diagnostics.append(
                    Diagnostic(
                        .unknownReference, "A value was given for undeclared variable \"\(name)\" (-var)", at: nil, severity: .warning))
                continue
            }
            set(name, parseRaw(raw, type: variable.type, origin: "-var \(name)"), from: nil, declared: declared)
        }
    }

    private mutating func set(_ name: String, _ value: Value?, from range: SourceRange?, declared: [String: ModuleConfig.Variable]) {
        guard let value else { return }
        guard declared[name] != nil else {
            diagnostics.append(
                Diagnostic(.unknownReference, "A value was given for undeclared variable \"\(name)\"", at: range, severity: .warning))
            return
        }
        values[name] = value
    }

    /// Terraform takes `TF_VAR_x`/`-var` text literally for primitive and untyped variables, as HCL otherwise.
    private mutating func parseRaw(_ raw: String, type: TypeConstraint, origin: String) -> Value? {
        switch type {
        case .any, .string, .number, .bool:
            return .string(raw)
        default:
            let (expr, diags) = HCLParser.parseExpression(Array(raw.utf8), filename: origin)
            guard let expr, diags.isEmpty else {
                diagnostics.append(contentsOf: diags.isEmpty ? [Diagnostic(.syntax, "Invalid value for \(origin)", at: nil)] : diags)
                return nil
            }
            do {
                return try Evaluator.evaluate(expr, in: EvalContext())
            } catch {
                diagnostics.append(error)
                return nil
            }
        }
    }

    private mutating func loadFile(
        _ path: String, display: String, declared: [String: ModuleConfig.Variable], options: LoadOptions, ctx: EvalContext
    ) {
        if path.hasSuffix(".json") {
            switch HCLParser.readFile(atPath: path, displayName: display, maxFileSize: options.maxFileSize, in: options.fileTree) {
            case .failure(let d):
                diagnostics.append(d)
            case .success(let bytes):
                do {
                    let node = try JSONParser.parse(bytes, filename: display, maxDepth: options.maxDepth)
                    guard let members = node.objectMembers else {
                        diagnostics.append(
                            Diagnostic(.syntax, "A .tfvars.json file must hold a JSON object, found \(node.kindName)", at: node.range))
                        return
                    }
                    for m in members { set(m.key, m.value.value, from: m.keyRange, declared: declared) }
                } catch {
                    diagnostics.append(error)
                }
            }
            return
        }
        let parsed = HCLParser.parseFile(
            atPath: path, displayName: display, limits: ParserLimits(maxFileSize: options.maxFileSize, maxDepth: options.maxDepth),
            in: options.fileTree)
        diagnostics.append(contentsOf: parsed.diagnostics)
        for block in parsed.body.blocks {
            diagnostics.append(
                Diagnostic(.syntax, "Blocks are not allowed in variable definitions files; found \"\(block.type)\"", at: block.typeRange))
        }
        for attr in parsed.body.attributes {
            do {
                set(attr.name, try Evaluator.evaluate(attr.expression, in: ctx), from: attr.nameRange, declared: declared)
            } catch {
                diagnostics.append(error)
            }
        }
    }
}
