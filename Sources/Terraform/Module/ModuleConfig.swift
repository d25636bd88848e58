import HCL
import Model

/// The static declarations of one module directory, before any evaluation.
public struct ModuleConfig: Sendable {
    /// `variable "name" { … }`.
    public struct Variable: Sendable {
        public var name: String
        public var type: TypeConstraint
        public var defaultValue: Expression?
        public var nullable: Bool
        public var range: SourceRange
    }

    /// `name = expr` inside `locals { … }`.
    public struct Local: Sendable {
        public var name: String
        public var expression: Expression
        public var range: SourceRange
    }

    /// A `resource`, `data` or `ephemeral` block.
    public struct ResourceBlock: Sendable {
        public var mode: Resource.Mode
        /// An `ephemeral` block (Terraform 1.10+): its values flow into references, but it is never persisted,
        /// so it is not a resource to check. Its mode is `.managed` for attribute handling.
        public var isEphemeral = false
        public var type: String
        public var name: String
        public var body: Body
        public var count: Expression?
        public var forEach: Expression?
        /// Provider local name from the `provider` meta-argument, else implied by the type.
        public var provider: String
        public var range: SourceRange

        /// `type.name` or `data.type.name`, relative to the module.
        public var localAddress: String { (isEphemeral ? "ephemeral." : mode == .data ? "data." : "") + "\(type).\(name)" }
    }

    /// A `module "name" { source = … }` call.
    public struct ModuleCall: Sendable {
        public var name: String
        public var source: String
        public var body: Body
        public var count: Expression?
        public var forEach: Expression?
        public var range: SourceRange

        /// Where `source` is written: problems with the module's location point there.
        public var sourceRange: SourceRange { body.attribute("source")?.expression.range ?? range }
    }

    /// `output "name" { value = … }`.
    public struct Output: Sendable {
        public var name: String
        public var value: Expression?
        public var range: SourceRange
    }

    public var directory: String
    public var files: [String]
    public var variables: [Variable] = []
    public var locals: [Local] = []
    public var resources: [ResourceBlock] = []
    public var moduleCalls: [ModuleCall] = []
    public var outputs: [Output] = []
    public var diagnostics: [Diagnostic] = []

    /// Meta-arguments that configure a resource rather than describe it.
    static let resourceMetaArguments: Set<String> = [
        "count", "for_each", "depends_on", "provider", "lifecycle", "provisioner", "connection",
    ]
    /// Arguments of a module call that are not input variables.
    static let moduleMetaArguments: Set<String> = ["source", "version", "count", "for_each", "depends_on", "providers"]

    /// Collects declarations from parsed files, reporting duplicates with both locations.
    public init(directory: String, files: [ParsedFile]) {
        self.directory = directory
        self.files = files.map(\.filename)
        var seen: [String: SourceRange] = [:]
        func claim(_ key: String, _ range: SourceRange, _ what: String) -> Bool {
            if let first = seen[key] {
                diagnostics.append(Diagnostic(.duplicate, "Duplicate \(what); it was first declared at \(first)", at: range))
                return false
            }
            seen[key] = range
            return true
        }
        let (merged, overrideDiagnostics) = OverrideMerger.apply(files)
        diagnostics.append(contentsOf: overrideDiagnostics)
        for file in merged {
            for block in file.body.blocks {
                switch block.type {
                case "variable":
                    guard let name = label(block, 0, "variable"), claim("var.\(name)", block.range, "variable \"\(name)\"") else {
                        continue
                    }
                    variables.append(makeVariable(name, block))
                case "locals":
                    for attr in block.body.attributes where claim("local.\(attr.name)", attr.range, "local value \"\(attr.name)\"") {
                        locals.append(Local(name: attr.name, expression: attr.expression, range: attr.range))
                    }
                case "resource", "data":
                    guard let type = label(block, 0, block.type), let name = label(block, 1, block.type) else { continue }
                    let mode: Resource.Mode = block.type == "data" ? .data : .managed
                    let key = (mode == .data ? "data." : "") + "\(type).\(name)"
                    guard claim(key, block.range, "\(block.type) \"\(type)\" \"\(name)\"") else { continue }
                    resources.append(makeResource(mode, type, name, block))
                case "ephemeral":
                    guard let type = label(block, 0, "resource"), let name = label(block, 1, "resource"),
                        claim("ephemeral.\(type).\(name)", block.range, "ephemeral \"\(type)\" \"\(name)\"")
                    else { continue }
                    var ephemeral = makeResource(.managed, type, name, block)
                    ephemeral.isEphemeral = true
                    resources.append(ephemeral)
                case "module":
                    guard let name = label(block, 0, "module"), claim("module.\(name)", block.range, "module call \"\(name)\"") else {
                        continue
                    }
                    if let call = makeModuleCall(name, block) { moduleCalls.append(call) }
                case "output":
                    guard let name = label(block, 0, "output"), claim("output.\(name)", block.range, "output \"\(name)\"") else { continue }
                    outputs.append(Output(name: name, value: block.body.attribute("value")?.expression, range: block.range))
                default:
                    continue  // terraform, provider, moved, import, check, removed: not part of the resource model.
                }
            }
        }
    }

    private mutating func label(_ block: Block, _ i: Int, _ what: String) -> String? {
        guard i < block.labels.count else {
            diagnostics.append(
                Diagnostic(.syntax, "A \(what) block needs \(what == "resource" || what == "data" ? 2 : 1) label(s)", at: block.typeRange))
            return nil
        }
        return block.labels[i]
    }

    private mutating func makeVariable(_ name: String, _ block: Block) -> Variable {
        var type = TypeConstraint.any
        if let typeExpr = block.body.attribute("type")?.expression {
            do {
                type = try TypeConstraint.parse(Self.unwrapJSONTypeString(typeExpr))
            } catch {
                diagnostics.append(error)
            }
        }
        var nullable = true
        if case .literal(.bool(let b))? = block.body.attribute("nullable")?.expression.kind { nullable = b }
        return Variable(
            name: name, type: type, defaultValue: block.body.attribute("default")?.expression, nullable: nullable,
            range: block.range)
    }

    /// In `.tf.json`, `type` is a string holding a type expression; parse its contents.
    static func unwrapJSONTypeString(_ e: Expression) -> Expression {
        guard e.range.file.hasSuffix(".json"), case .literal(.string(let text)) = e.kind else { return e }
        let (parsed, diags) = HCLParser.parseExpression(Array(text.utf8), filename: e.range.file, start: e.range.start)
        guard let parsed, diags.isEmpty else { return e }
        return parsed
    }

    private mutating func makeResource(_ mode: Resource.Mode, _ type: String, _ name: String, _ block: Block) -> ResourceBlock {
        var provider = Resource.impliedProvider(ofType: type)
        if let p = block.body.attribute("provider")?.expression, let root = Self.providerName(p) {
            provider = root
        }
        return ResourceBlock(
            mode: mode, type: type, name: name, body: block.body,
            count: block.body.attribute("count")?.expression, forEach: block.body.attribute("for_each")?.expression,
            provider: provider, range: block.range)
    }

    /// `provider = aws.east` names provider `aws`; JSON syntax writes it as a string.
    static func providerName(_ e: Expression) -> String? {
        switch e.kind {
        case .variable(let name): return name
        case .getAttribute(let source, _): return providerName(source)
        case .literal(.string(let s)): return String(s.split(separator: ".").first ?? Substring(s))
        default: return nil
        }
    }

    private mutating func makeModuleCall(_ name: String, _ block: Block) -> ModuleCall? {
        guard let sourceExpr = block.body.attribute("source")?.expression else {
            diagnostics.append(Diagnostic(.syntax, "Module call \"\(name)\" has no \"source\" argument", at: block.typeRange))
            return nil
        }
        guard case .literal(.string(let source)) = sourceExpr.kind else {
            diagnostics.append(Diagnostic(.syntax, "The \"source\" of module \"\(name)\" must be a literal string", at: sourceExpr.range))
            return nil
        }
        return ModuleCall(
            name: name, source: source, body: block.body, count: block.body.attribute("count")?.expression,
            forEach: block.body.attribute("for_each")?.expression, range: block.range)
    }
}
