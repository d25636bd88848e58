import Foundation
import HCL
import Model

/// Evaluates one instance of a module: variables, then locals, resources, data sources, module calls and
/// outputs in dependency order. Produces resource instances with reference edges, and the outputs.
final class ModuleInstance {
    let session: LoadSession
    let config: ModuleConfig
    /// `["module.net", "module.sub[\"a\"]"]`; empty for the root module.
    let modulePath: [String]
    /// Call names only (`net.sub`), the key Terraform's module manifest uses.
    let callKey: String
    let depth: Int
    private(set) var ctx: EvalContext
    private(set) var resources: [Resource] = []
    private(set) var outputs: [String: Value] = [:]
    private(set) var outputTargets: [String: ReferenceTargets] = [:]

    private var inputTargets: [String: ReferenceTargets]
    private var localValues: [String: Value] = [:]
    private var localTargets: [String: ReferenceTargets] = [:]
    private var resourceTypes: Set<String> = []
    /// Per module call name: output name → targets (all instances merged).
    private var moduleOutputTargets: [String: [String: ReferenceTargets]] = [:]
    /// What `each.value` stands for in the instance being evaluated (`for_each = aws_s3_bucket.this`
    /// makes `each.value.id` a reference to `aws_s3_bucket.this["key"]`).
    private var eachTargets = ReferenceTargets()
    /// Per resource block and module call (by local address / `module.NAME`): every expression's attribute path
    /// and traversals, computed once and used both for dependency order and for each instance's edges.
    private var blockTraversals: [String: [(path: String, traversals: [Traversal])]] = [:]

    init(
        session: LoadSession, config: ModuleConfig, modulePath: [String], callKey: String, depth: Int,
        inputs: [String: Value], inputTargets: [String: ReferenceTargets], isRoot: Bool
    ) {
        self.session = session
        self.config = config
        self.modulePath = modulePath
        self.callKey = callKey
        self.depth = depth
        self.inputTargets = inputTargets
        let functions = session.functions
        // Terraform resolves relative paths in file()/templatefile() against its working directory, the root
        // module's (which is why configurations write "${path.module}/file"), wherever bulwark was started.
        let tree = session.options.fileTree
        let baseDirectory = tree.absolutePath(session.rootDirectory)
        let maxFileSize = session.options.maxFileSize
        let render: @Sendable (String, String, [String: Value]) throws -> Value = { source, filename, variables in
            try TemplateRendering.render(
                source: source, filename: filename, variables: variables, functions: functions, baseDirectory: baseDirectory,
                maxFileSize: maxFileSize, fileTree: tree)
        }
        self.ctx = EvalContext(
            variables: [:], functions: functions,
            functionContext: FunctionContext(
                baseDirectory: baseDirectory, maxFileSize: maxFileSize, fileTree: tree, renderTemplate: render),
            openObjects: session.openObjects, warnings: session.warnings, maxForIterations: max(session.options.maxInstances * 100, 100_000))
        let root = session.rootDirectory
        ctx.variables["path"] = .object([
            "module": .string(relativePath(tree.absolutePath(config.directory), to: baseDirectory)),
            "root": .string(relativePath(tree.absolutePath(root), to: baseDirectory)),
            "cwd": .string(baseDirectory),
        ])
        ctx.variables["terraform"] = .object(["workspace": .string("default")])
        ctx.variables["data"] = .object([:])
        ctx.variables["ephemeral"] = .object([:])
        ctx.variables["module"] = .object([:])
        ctx.variables["local"] = .object([:])
        for r in config.resources where r.mode == .managed && !r.isEphemeral {
            resourceTypes.insert(r.type)
            ctx.variables[r.type] = .object([:])
        }
        bindVariables(inputs, isRoot: isRoot)
    }

    private func relativePath(_ path: String, to base: String) -> String {
        let p = session.options.fileTree.standardizedPath(path)
        let b = session.options.fileTree.standardizedPath(base)
        if p == b { return "." }
        return TreePath.relative(p, from: b)
    }

    private var addressPrefix: String { modulePath.isEmpty ? "" : modulePath.joined(separator: ".") + "." }

    // MARK: Variables

    private func bindVariables(_ inputs: [String: Value], isRoot: Bool) {
        var values: [String: Value] = [:]
        for variable in config.variables {
            var value: Value? = inputs[variable.name]
            if value == nil || (value == .null && !variable.nullable) {
                if let def = variable.defaultValue {
                    value = evaluate(def, EvalContext(functions: ctx.functions, functionContext: ctx.functionContext))
                } else if !isRoot {
                    session.diagnostics.append(Diagnostic(.evaluation, "Module \"\(callKey)\" needs a value for variable \"\(variable.name)\", which has no default", at: variable.range))
                }
            }
            guard let given = value else {
                // A root variable without any value is what Terraform would prompt for: unknown, never guessed.
                values[variable.name] = .unknown
                continue
            }
            do {
                values[variable.name] = try Conversion.convert(given, to: variable.type)
            } catch {
                session.diagnostics.append(Diagnostic(.typeMismatch, "Invalid value for variable \"\(variable.name)\": \(error.message)", at: variable.range))
                values[variable.name] = .unknown
            }
        }
        ctx.variables["var"] = .object(values)
    }

    private func evaluate(_ e: HCL.Expression, _ context: EvalContext) -> Value {
        do {
            return try Evaluator.evaluate(e, in: context)
        } catch {
            session.diagnostics.append(error)
            return .unknown
        }
    }

    // MARK: Ordering

    /// The node a traversal depends on, if it names something declared in this module.
    private func node(for t: Traversal) -> String? {
        let names = t.leadingAttributes
        switch t.root {
        case "local": return names.first.map { "local.\($0)" }
        case "module": return names.first.map { "module.\($0)" }
        case "data", "ephemeral": return names.count >= 2 ? "\(t.root).\(names[0]).\(names[1])" : nil
        default:
            guard resourceTypes.contains(t.root), let name = names.first else { return nil }
            return "\(t.root).\(name)"
        }
    }

    /// Analyses `body` once under `key` and returns the nodes it depends on.
    private func analyse(_ body: Body, as key: String) -> [String] {
        let analysed = BodyExpressions.withPaths(in: body, skipping: []).map { (path: $0.0, traversals: $0.1.traversals) }
        blockTraversals[key] = analysed
        return analysed.flatMap { $0.traversals.compactMap(node(for:)) }
    }

    func run() {
        var nodes: [String] = []
        var deps: [String: [String]] = [:]
        var declared: [String: SourceRange] = [:]
        for l in config.locals {
            let n = "local.\(l.name)"
            nodes.append(n)
            declared[n] = l.range
            deps[n] = l.expression.traversals.compactMap(node(for:))
        }
        for r in config.resources {
            nodes.append(r.localAddress)
            declared[r.localAddress] = r.range
            deps[r.localAddress] = analyse(r.body, as: r.localAddress)
        }
        for m in config.moduleCalls {
            let n = "module.\(m.name)"
            nodes.append(n)
            declared[n] = m.range
            deps[n] = analyse(m.body, as: n)
        }
        let order = DependencyOrder(nodes: nodes, dependencies: deps)
        for cycle in order.cycles {
            let path = (cycle + [cycle[0]]).map { addressPrefix + $0 }.joined(separator: " -> ")
            session.diagnostics.append(Diagnostic(.cycle, "Cycle in references: \(path); these values are unknown", at: cycle.first.flatMap { declared[$0] }))
        }
        let cyclic = Set(order.cycles.joined())
        let locals = Dictionary(config.locals.map { ("local.\($0.name)", $0) }, uniquingKeysWith: { a, _ in a })
        let resourceBlocks = Dictionary(config.resources.map { ($0.localAddress, $0) }, uniquingKeysWith: { a, _ in a })
        let calls = Dictionary(config.moduleCalls.map { ("module.\($0.name)", $0) }, uniquingKeysWith: { a, _ in a })
        for n in order.order {
            if let l = locals[n] {
                let value = cyclic.contains(n) ? .unknown : evaluate(l.expression, ctx)
                localTargets[l.name] = targets(of: l.expression, ctx)
                // Drop the context's reference first so adding the local mutates in place instead of copying.
                ctx.variables["local"] = nil
                localValues[l.name] = value
                ctx.variables["local"] = .object(localValues)
            } else if let r = resourceBlocks[n] {
                evaluateResource(r, cyclic: cyclic.contains(n))
            } else if let m = calls[n] {
                evaluateModuleCall(m, cyclic: cyclic.contains(n))
            }
        }
        for o in config.outputs {
            guard let e = o.value else { continue }
            outputs[o.name] = evaluate(e, ctx)
            outputTargets[o.name] = targets(of: e, ctx)
        }
    }

    // MARK: Resources

    private func evaluateResource(_ r: ModuleConfig.ResourceBlock, cyclic: Bool) {
        let what = "\(addressPrefix)\(r.localAddress)"
        session.sourceRanges[LoadedConfiguration.stripInstanceKeys(what)] = r.range
        let expansion = InstanceExpansion(count: r.count, forEach: r.forEach, what: what, range: r.range, ctx: ctx, maxInstances: session.options.maxInstances)
        session.diagnostics.append(contentsOf: expansion.diagnostics)
        var evaluator = BodyEvaluator(maxInstances: session.options.maxInstances)
        var instanceValues: [Value] = []
        for instance in expansion.instances {
            let instanceCtx = ctx.binding(instance.bindings)
            eachTargets = targetsOfEach(r.forEach, key: instance.key)
            var attributes: [String: Value] = [:]
            if !cyclic {
                attributes = evaluator.evaluate(
                    r.body, instanceCtx, skipping: ModuleConfig.resourceMetaArguments,
                    blocksSkipped: ["lifecycle", "provisioner", "connection"])
                if r.mode == .data {
                    DataSourceRendering.addComputedAttributes(type: r.type, to: &attributes, at: r.range, diagnostics: &session.diagnostics)
                }
            }
            instanceValues.append(ResourceReferenceValue.make(attributes, body: r.body, registeringIn: session.openObjects))
            if r.isEphemeral { continue }
            resources.append(Resource(
                mode: r.mode, provider: r.provider, type: r.type, name: r.name, modulePath: modulePath,
                instanceKey: instance.key, origin: .iac(r.range), attributes: attributes,
                references: references(of: blockTraversals[r.localAddress] ?? [], instanceCtx)))
        }
        session.diagnostics.append(contentsOf: evaluator.diagnostics)
        let combined = expansion.combined(instanceValues)
        // Values are taken out of the context before they change, so the dictionaries are updated in place.
        if r.mode == .data || r.isEphemeral {
            let root = r.isEphemeral ? "ephemeral" : "data"
            var data = ctx.variables.removeValue(forKey: root)?.members ?? [:]
            var ofType = data.removeValue(forKey: r.type)?.members ?? [:]
            ofType[r.name] = combined
            data[r.type] = .object(ofType)
            ctx.variables[root] = .object(data)
        } else {
            var ofType = ctx.variables.removeValue(forKey: r.type)?.members ?? [:]
            ofType[r.name] = combined
            ctx.variables[r.type] = .object(ofType)
        }
    }

    /// Edges from each attribute (dotted path for nested blocks) to the resources its value came from.
    private func references(of analysed: [(path: String, traversals: [Traversal])], _ instanceCtx: EvalContext) -> [Reference] {
        var out: [Reference] = []
        var seen: Set<Reference> = []
        for (path, traversals) in analysed {
            // Meta-arguments configure the resource rather than describe it; depends_on still is an edge.
            let head = path.split(separator: ".", maxSplits: 1).first.map(String.init) ?? path
            if head != "depends_on" && ModuleConfig.resourceMetaArguments.contains(head) { continue }
            for (target, attribute) in targets(of: traversals, instanceCtx).targets.sorted(by: { $0.key < $1.key }) {
                let ref = Reference(attribute: path, target: target, targetAttribute: attribute)
                if seen.insert(ref).inserted { out.append(ref) }
            }
        }
        return out
    }

    /// The absolute resource addresses `e` draws on, directly or through locals, variables and module outputs.
    private func targets(of e: HCL.Expression, _ context: EvalContext) -> ReferenceTargets {
        targets(of: e.traversals, context)
    }

    private func targets(of traversals: [Traversal], _ context: EvalContext) -> ReferenceTargets {
        var out = ReferenceTargets()
        for t in traversals {
            let names = t.leadingAttributes
            switch t.root {
            case "local":
                if let n = names.first, let inner = localTargets[n] { out.formUnion(inner) }
            case "var":
                if let n = names.first, let inner = inputTargets[n] { out.formUnion(inner) }
            case "each":
                guard names.first == "value" else { continue }
                let attribute = names.count > 1 ? names[1] : nil
                for (target, existing) in eachTargets.targets { out.insert(target, attribute: attribute ?? existing) }
            case "module":
                if let call = names.first {
                    let outputName = Self.moduleOutputName(t)
                    if let perOutput = moduleOutputTargets[call] {
                        if let outputName, let inner = perOutput[outputName] {
                            out.formUnion(inner)
                        } else if outputName == nil {
                            for inner in perOutput.values { out.formUnion(inner) }
                        }
                    }
                }
            case "data":
                guard t.steps.count >= 2, case .attribute(let type) = t.steps[0], case .attribute(let name) = t.steps[1] else { continue }
                let (address, attribute) = instanceAddress("data.\(type).\(name)", Array(t.steps.dropFirst(2)), context)
                out.insert(address, attribute: attribute)
            default:
                guard resourceTypes.contains(t.root), case .attribute(let name)? = t.steps.first else { continue }
                let (address, attribute) = instanceAddress("\(t.root).\(name)", Array(t.steps.dropFirst()), context)
                out.insert(address, attribute: attribute)
            }
        }
        return out
    }

    /// The resources `each.value` refers to for one instance: the keyed instance when `for_each` is a
    /// resource itself, else whatever the `for_each` expression draws on.
    private func targetsOfEach(_ forEach: HCL.Expression?, key: Resource.InstanceKey?) -> ReferenceTargets {
        guard let forEach else { return ReferenceTargets() }
        var direct: String?
        if case .getAttribute(let source, let name) = forEach.kind, case .variable(let type) = source.kind, resourceTypes.contains(type) {
            direct = addressPrefix + "\(type).\(name)"
        }
        if let direct, let key {
            var out = ReferenceTargets()
            out.insert(direct + key.description, attribute: nil)
            return out
        }
        return targets(of: forEach, ctx)
    }

    /// `module.x.out` or `module.x[0].out` → `out`.
    private static func moduleOutputName(_ t: Traversal) -> String? {
        for step in t.steps.dropFirst() {
            if case .attribute(let name) = step { return name }
        }
        return nil
    }

    /// Absolute address with the instance key when the index is known, plus the attribute read after it.
    private func instanceAddress(_ local: String, _ rest: [Traversal.Step], _ context: EvalContext) -> (String, String?) {
        var address = addressPrefix + local
        var remaining = rest[...]
        if case .index(let keyExpr)? = remaining.first {
            remaining = remaining.dropFirst()
            if let key = try? Evaluator.evaluate(keyExpr, in: context) {
                switch key {
                case .number(let n) where n == n.rounded() && n >= 0: address += Resource.InstanceKey.int(Int(n)).description
                case .string(let s): address += Resource.InstanceKey.string(s).description
                default: break
                }
            }
        }
        var attribute: String?
        if case .attribute(let a)? = remaining.first { attribute = a }
        return (address, attribute)
    }

    // MARK: Module calls

    private func evaluateModuleCall(_ call: ModuleConfig.ModuleCall, cyclic: Bool) {
        let key = callKey.isEmpty ? call.name : "\(callKey).\(call.name)"
        let what = "\(addressPrefix)module.\(call.name)"
        let expansion = InstanceExpansion(count: call.count, forEach: call.forEach, what: what, range: call.range, ctx: ctx, maxInstances: session.options.maxInstances)
        session.diagnostics.append(contentsOf: expansion.diagnostics)
        var outputsPerInstance: [Value] = []
        var merged: [String: ReferenceTargets] = [:]
        let directory = cyclic ? nil : session.moduleDirectory(source: call.source, callKey: key, parentDirectory: config.directory, range: call.range)
        if depth + 1 > session.options.maxModuleDepth, directory != nil {
            session.diagnostics.append(Diagnostic(.limitExceeded, "Module \"\(key)\" is nested deeper than \(session.options.maxModuleDepth) levels; it is not loaded (does a module call itself?)", at: call.range))
        }
        // Each input's traversals, as analysed for dependency order (a top-level attribute's path is its name).
        let inputTraversals = Dictionary(
            (blockTraversals["module.\(call.name)"] ?? []).map { ($0.path, $0.traversals) }, uniquingKeysWith: { first, _ in first })
        for instance in expansion.instances {
            guard let directory, depth + 1 <= session.options.maxModuleDepth else {
                outputsPerInstance.append(.unknown)
                continue
            }
            let instanceCtx = ctx.binding(instance.bindings)
            eachTargets = targetsOfEach(call.forEach, key: instance.key)
            var inputs: [String: Value] = [:]
            var inputTargets: [String: ReferenceTargets] = [:]
            var evaluator = BodyEvaluator(maxInstances: session.options.maxInstances)
            for attr in call.body.attributes where !ModuleConfig.moduleMetaArguments.contains(attr.name) {
                inputs[attr.name] = evaluator.value(of: attr.expression, instanceCtx)
                inputTargets[attr.name] = targets(of: inputTraversals[attr.name] ?? [], instanceCtx)
            }
            session.diagnostics.append(contentsOf: evaluator.diagnostics)
            let childConfig = session.config(forDirectory: directory)
            let declared = Set(childConfig.variables.map(\.name))
            for attr in call.body.attributes where !ModuleConfig.moduleMetaArguments.contains(attr.name) && !declared.contains(attr.name) {
                session.diagnostics.append(Diagnostic(.unknownReference, "Module \"\(key)\" has no variable named \"\(attr.name)\"", at: attr.range))
            }
            let segment = "module.\(call.name)" + (instance.key?.description ?? "")
            let child = ModuleInstance(
                session: session, config: childConfig, modulePath: modulePath + [segment], callKey: key, depth: depth + 1,
                inputs: inputs, inputTargets: inputTargets, isRoot: false)
            child.run()
            resources.append(contentsOf: child.resources)
            outputsPerInstance.append(.object(child.outputs))
            for (name, t) in child.outputTargets { merged[name, default: ReferenceTargets()].formUnion(t) }
        }
        moduleOutputTargets[call.name] = merged
        var modules = ctx.variables.removeValue(forKey: "module")?.members ?? [:]
        modules[call.name] = expansion.combined(outputsPerInstance)
        ctx.variables["module"] = .object(modules)
    }
}
