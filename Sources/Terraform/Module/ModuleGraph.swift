import HCL
import Model

/// The dependency graph of one module's items at Terraform's granularity: locals, resources, data sources,
/// this module's outputs, and each module call split into one node per input and one per output of the child.
/// An output of a call depends only on the inputs the child's output reads (transitively, through the child's
/// own graph), so two calls may read each other's outputs as long as no value feeds itself.
struct ModuleGraph {
    /// What one node stands for.
    enum Item {
        case local(ModuleConfig.Local)
        case resource(ModuleConfig.ResourceBlock)
        /// The value of one input of a module call, for every instance of the call.
        case callInput(call: String, input: String)
        /// One output of a module call, known once the inputs it reads are.
        case callOutput(call: String, output: String)
        /// The whole call: evaluated with every input, it yields the child's resources.
        case call(ModuleConfig.ModuleCall)
        case output(ModuleConfig.Output)
    }

    /// Items by node name (`local.a`, `aws_s3_bucket.b`, `module.m.var.x`, `module.m.output.y`, `module.m`,
    /// `output.z`); `var.x` names a leaf, never a node.
    let items: [String: Item]
    /// Where each node is declared, for cycle diagnostics.
    let declared: [String: SourceRange]
    /// Per resource block and module call (by local address / `module.NAME`): every expression's attribute path
    /// and traversals, computed once and used both for dependency order and for each instance's edges.
    let blockTraversals: [String: [(path: String, traversals: [Traversal])]]
    /// Per output of this module: the input variables its value depends on.
    let outputVariables: [String: Set<String>]
    /// Nodes in evaluation order: dependencies first.
    let order: [String]
    /// Every node some item other than this module's outputs depends on: a change to any other item's value reaches
    /// nothing but the outputs.
    let referenced: Set<String>
    /// Each cycle of the graph, as the list of its nodes in reference order.
    let cycles: [[String]]
    /// Every node on some cycle: its value is unknown.
    let cyclic: Set<String>
    /// Calls whose child module is not loaded: their outputs are unknown whatever the inputs, so reading them
    /// depends on nothing.
    let unloadedCalls: [String]

    /// `childOutputs` gives, for a call, its child's `outputVariables`, or nil when the child is not loaded.
    init(config: ModuleConfig, childOutputs: (ModuleConfig.ModuleCall) -> [String: Set<String>]?) {
        let types = Set(config.resources.filter { $0.mode == .managed }.map(\.type))
        var calls: [String: [String: Set<String>]?] = [:]
        for m in config.moduleCalls where calls[m.name] == nil {
            calls[m.name] = .some(childOutputs(m))
        }
        unloadedCalls = config.moduleCalls.map(\.name).filter { calls[$0] == .some(nil) }
        // Appends into one array per item: a large module has tens of thousands of traversals.
        func refs(_ traversals: [Traversal]) -> [String] {
            var out: [String] = []
            for t in traversals { Self.appendNodes(for: t, to: &out, resourceTypes: types, callOutputs: calls) }
            return out
        }
        var items: [String: Item] = [:]
        var nodes: [String] = []
        var declared: [String: SourceRange] = [:]
        var traversals: [String: [(path: String, traversals: [Traversal])]] = [:]
        var deps: [String: [String]] = [:]
        func add(_ name: String, _ item: Item, _ range: SourceRange, _ dependsOn: [String]) {
            guard items[name] == nil else { return }
            items[name] = item
            nodes.append(name)
            declared[name] = range
            deps[name] = dependsOn
        }
        for l in config.locals {
            add("local.\(l.name)", .local(l), l.range, refs(l.expression.traversals))
        }
        for r in config.resources {
            let analysed = Self.analyse(r.body)
            traversals[r.localAddress] = analysed
            add(r.localAddress, .resource(r), r.range, refs(analysed.flatMap(\.traversals)))
        }
        for m in config.moduleCalls {
            let key = "module.\(m.name)"
            let analysed = Self.analyse(m.body)
            traversals[key] = analysed
            let expansion = refs([m.count, m.forEach].compactMap { $0 }.flatMap(\.traversals))
            var inputNodes: [String] = []
            var wholeCall = expansion
            for (path, pathTraversals) in analysed {
                let referenced = refs(pathTraversals)
                if let attr = m.body.attributes.first(where: { $0.name == path }), !ModuleConfig.moduleMetaArguments.contains(path) {
                    let node = "\(key).var.\(path)"
                    add(node, .callInput(call: m.name, input: path), attr.range, referenced + expansion)
                    inputNodes.append(node)
                } else if path != "count" && path != "for_each" {
                    // depends_on and nested blocks order the whole call; they are not values the child reads.
                    wholeCall += referenced
                }
            }
            let given = Set(m.body.attributes.map(\.name))
            if case .some(.some(let outputs)) = calls[m.name] {
                for name in outputs.keys.sorted() {
                    let reads = (outputs[name] ?? []).filter(given.contains).sorted().map { "\(key).var.\($0)" }
                    add("\(key).output.\(name)", .callOutput(call: m.name, output: name), m.range, reads + expansion)
                }
            }
            add(key, .call(m), m.range, inputNodes + wholeCall)
        }
        for o in config.outputs {
            add("output.\(o.name)", .output(o), o.range, o.value.map { refs($0.traversals) } ?? [])
        }
        let fine = DependencyOrder(nodes: nodes, dependencies: deps)
        cycles = fine.cycles
        cyclic = Set(fine.cycles.joined())
        order = Self.evaluationOrder(config: config, calls: calls, nodes: nodes, deps, fine: fine)
        outputVariables = Self.variables(of: config.outputs.map { "output.\($0.name)" }, deps)
        self.items = items
        self.declared = declared
        self.blockTraversals = traversals
        var referenced = Set<String>()
        for (node, dependencies) in deps where !node.hasPrefix("output.") { referenced.formUnion(dependencies) }
        self.referenced = referenced
    }

    /// Evaluating a call once, with every input, is cheaper than evaluating it first with some inputs unknown;
    /// so every output of a call waits for all of the call's inputs unless that would close a loop between
    /// modules, where the fine order (an output waits only for the inputs it reads) is the one that works.
    private static func evaluationOrder(
        config: ModuleConfig, calls: [String: [String: Set<String>]?], nodes: [String], _ deps: [String: [String]], fine: DependencyOrder
    ) -> [String] {
        guard !config.moduleCalls.isEmpty, fine.cycles.isEmpty else { return fine.order }
        var position: [String: Int] = [:]
        for (i, node) in fine.order.enumerated() { position[node] = i }
        var outputsAfterInputs: [(outputs: [String], inputs: [String])] = []
        var reordered = false
        for m in config.moduleCalls {
            let key = "module.\(m.name)"
            guard case .some(.some(let outputs)) = calls[m.name], !outputs.isEmpty else { continue }
            let inputs = m.body.attributes.map(\.name).filter { !ModuleConfig.moduleMetaArguments.contains($0) }.map { "\(key).var.\($0)" }
            let lastInput = inputs.compactMap { position[$0] }.max() ?? -1
            let outputNodes = outputs.keys.map { "\(key).output.\($0)" }
            if outputNodes.contains(where: { (position[$0] ?? Int.max) < lastInput }) { reordered = true }
            outputsAfterInputs.append((outputNodes, inputs))
        }
        // Usually the fine order already has every call's inputs before its outputs.
        guard reordered else { return fine.order }
        var whole = deps
        for (outputNodes, inputs) in outputsAfterInputs {
            for node in outputNodes { whole[node, default: []].append(contentsOf: inputs) }
        }
        let coarse = DependencyOrder(nodes: nodes, dependencies: whole)
        return coarse.cycles.isEmpty ? coarse.order : fine.order
    }

    static func analyse(_ body: Body) -> [(path: String, traversals: [Traversal])] {
        BodyExpressions.withPaths(in: body, skipping: []).map { (path: $0.0, traversals: $0.1.traversals) }
    }

    /// Appends the nodes a traversal depends on: one item, a call's output, every output of a call for `module.m`
    /// itself, or the whole call when the child has no such output. A call whose child is not loaded is none.
    private static func appendNodes(
        for t: Traversal, to out: inout [String], resourceTypes: Set<String>, callOutputs: [String: [String: Set<String>]?]
    ) {
        let names = t.leadingAttributes
        guard let first = names.first else { return }
        switch t.root {
        case "var": out.append("var.\(first)")
        case "local": out.append("local.\(first)")
        case "data", "ephemeral": if names.count >= 2 { out.append("\(t.root).\(first).\(names[1])") }
        case "module":
            guard let known = callOutputs[first], let outputs = known else { return }
            if let output = moduleOutputName(t) {
                out.append(outputs[output] != nil ? "module.\(first).output.\(output)" : "module.\(first)")
            } else if outputs.isEmpty {
                out.append("module.\(first)")
            } else {
                out.append(contentsOf: outputs.keys.sorted().map { "module.\(first).output.\($0)" })
            }
        default:
            if resourceTypes.contains(t.root) { out.append("\(t.root).\(first)") }
        }
    }

    /// `module.x.out` or `module.x[0].out` → `out`.
    static func moduleOutputName(_ t: Traversal) -> String? {
        for step in t.steps.dropFirst() {
            if case .attribute(let name) = step { return name }
        }
        return nil
    }

    /// For each output node, the `var.NAME` leaves it reaches. Only what the outputs reach is visited (a module
    /// with one output of a local never walks its resources). On a cycle, a node misses what its cycle partners
    /// reach, which only matters for values that are unknown anyway.
    private static func variables(of outputs: [String], _ deps: [String: [String]]) -> [String: Set<String>] {
        var reached: [String: Set<String>] = [:]
        var out: [String: Set<String>] = [:]
        for output in outputs {
            // Iterative post-order walk: a node's set is formed when its marker comes back after its dependencies.
            var stack: [(node: String, finish: Bool)] = [(output, false)]
            var onPath: Set<String> = []
            while let (node, finish) = stack.popLast() {
                if reached[node] != nil { continue }
                if finish {
                    var vars: Set<String> = []
                    for d in deps[node] ?? [] {
                        if d.hasPrefix("var.") {
                            vars.insert(String(d.dropFirst(4)))
                        } else if let inner = reached[d] {
                            vars.formUnion(inner)
                        }
                    }
                    reached[node] = vars
                    onPath.remove(node)
                    continue
                }
                guard onPath.insert(node).inserted else { continue }
                stack.append((node, true))
                for d in deps[node] ?? [] where !d.hasPrefix("var.") && reached[d] == nil && !onPath.contains(d) {
                    stack.append((d, false))
                }
            }
            out[String(output.dropFirst("output.".count))] = reached[output] ?? []
        }
        return out
    }
}
