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
    var ctx: EvalContext
    var resources: [Resource] = []
    private(set) var outputs: [String: Value] = [:]
    private(set) var outputTargets: [String: ReferenceTargets] = [:]

    let inputTargets: [String: ReferenceTargets]
    private var localValues: [String: Value] = [:]
    var localTargets: [String: ReferenceTargets] = [:]
    /// Types of the managed resources declared here: `aws_s3_bucket.x` is a reference only for these.
    var resourceTypes: Set<String> = []
    /// Per module call name: output name → targets (all instances merged).
    var moduleOutputTargets: [String: [String: ReferenceTargets]] = [:]
    /// Call name → instance key → output name → targets, for references that name one instance.
    var moduleInstanceOutputTargets: [String: [String: [String: ReferenceTargets]]] = [:]
    /// What `each.value` stands for in the instance being evaluated (`for_each = aws_s3_bucket.this`
    /// makes `each.value.id` a reference to `aws_s3_bucket.this["key"]`).
    var eachTargets = ReferenceTargets()
    /// The module's items, their order and every block's traversals; set when `run` starts.
    var graph: ModuleGraph?
    /// Per module call name: how far the call has been evaluated.
    var callStates: [String: ModuleCallState] = [:]

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
        // Hashing keeps a digest, not the bytes: artifacts are hashed up to the plan and state limit.
        let maxHashed = session.options.inputFileLimit
        let readRoots = session.options.readRoots
        let warnings = session.warnings
        let render: @Sendable (String, String, [String: Value]) throws -> Value = { source, filename, variables in
            try TemplateRendering.render(
                source: source, filename: filename, variables: variables, functions: functions,
                context: FunctionContext(
                    baseDirectory: baseDirectory, maxFileSize: maxFileSize, fileTree: tree, readRoots: readRoots,
                    maxHashedFileSize: maxHashed),
                warnings: warnings)
        }
        self.ctx = EvalContext(
            variables: [:], functions: functions,
            functionContext: FunctionContext(
                baseDirectory: baseDirectory, maxFileSize: maxFileSize, fileTree: tree, renderTemplate: render, readRoots: readRoots,
                maxHashedFileSize: maxHashed),
            openObjects: session.openObjects, warnings: session.warnings,
            maxForIterations: max(session.options.maxInstances * 100, 100_000),
            deadline: session.options.deadline
        )
        ctx.iterations = session.iterations
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

    var addressPrefix: String { modulePath.isEmpty ? "" : modulePath.joined(separator: ".") + "." }

    // MARK: Variables

    private func bindVariables(_ inputs: [String: Value], isRoot: Bool) {
        var values: [String: Value] = [:]
        for variable in config.variables {
            var value: Value? = inputs[variable.name]
            if value == nil || (value == .null && !variable.nullable) {
                if let def = variable.defaultValue {
                    value = evaluate(def, EvalContext(functions: ctx.functions, functionContext: ctx.functionContext))
                } else if !isRoot {
                    session.diagnostics.append(
                        Diagnostic(
                            .evaluation, "Module \"\(callKey)\" needs a value for variable \"\(variable.name)\", which has no default",
                            at: variable.range))
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
                session.diagnostics.append(
                    Diagnostic(.typeMismatch, "Invalid value for variable \"\(variable.name)\": \(error.message)", at: variable.range))
                values[variable.name] = .unknown
            }
        }
        ctx.variables["var"] = .object(values)
    }

    func evaluate(_ e: HCL.Expression, _ context: EvalContext) -> Value {
        do {
            return try Evaluator.evaluate(e, in: context)
        } catch {
            session.diagnostics.append(error)
            return .unknown
        }
    }

    // MARK: Evaluation

    /// Evaluates every item in dependency order, then the outputs. Items on a cycle are unknown.
    func run() {
        let graph = session.graph(for: config, callKey: callKey, depth: depth)
        self.graph = graph
        for cycle in graph.cycles {
            let path = (cycle + [cycle[0]]).map { addressPrefix + $0 }.joined(separator: " -> ")
            session.diagnostics.append(
                Diagnostic(.cycle, "Cycle in references: \(path); these values are unknown", at: cycle.first.flatMap { graph.declared[$0] })
            )
        }
        if !graph.unloadedCalls.isEmpty {
            var modules = ctx.variables.removeValue(forKey: "module")?.members ?? [:]
            for name in graph.unloadedCalls { modules[name] = .unknown }
            ctx.variables["module"] = .object(modules)
        }
        for n in graph.order {
            if session.isStopped(evaluating: addressPrefix + n, at: graph.declared[n]) { return }
            let cyclic = graph.cyclic.contains(n)
            switch graph.items[n] {
            case .local(let l)?:
                let value = cyclic ? .unknown : evaluate(l.expression, ctx)
                localTargets[l.name] = targets(of: l.expression, ctx)
                // Drop the context's reference first so adding the local mutates in place instead of copying.
                ctx.variables["local"] = nil
                localValues[l.name] = value
                ctx.variables["local"] = .object(localValues)
            case .resource(let r)?:
                evaluateResource(r, cyclic: cyclic)
            case .callInput(let call, let input)?:
                evaluateCallInput(call, input, cyclic: cyclic)
            case .callOutput(let call, let output)?:
                releaseCallOutput(call, output)
            case .call(let call)?:
                completeCall(call, cyclic: cyclic)
            case .output?, nil:
                continue
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
        let expansion = InstanceExpansion(
            count: r.count, forEach: r.forEach, what: what, range: r.range, ctx: ctx, maxInstances: session.options.maxInstances)
        session.diagnostics.append(contentsOf: expansion.diagnostics)
        guard session.budget.admitResources(expansion.instances.count, of: what, at: r.range) else { return }
        var evaluator = BodyEvaluator(maxInstances: session.options.maxInstances)
        var instanceValues: [Value] = []
        for instance in expansion.instances {
            if session.isStopped(evaluating: what, at: r.range) { return }
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
            resources.append(
                Resource(
                    mode: r.mode, provider: r.provider, type: r.type, name: r.name, modulePath: modulePath,
                    instanceKey: instance.key, origin: .iac(r.range), attributes: attributes,
                    references: references(of: graph?.blockTraversals[r.localAddress] ?? [], instanceCtx)))
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
}
