import HCL
import Model

/// Module calls, node by node: each input is evaluated when its references are, each output is published
/// when the inputs it reads are, and the child's resources come from one run with every input.
extension ModuleInstance {
    /// Takes the state of `call` out of `callStates` (so that changing it does not copy it; the caller puts it
    /// back), expanding the call's instances on first use: every node of a call depends on its
    /// `count`/`for_each`, so they can be evaluated by then.
    private func takeState(of call: ModuleConfig.ModuleCall) -> ModuleCallState {
        if let existing = callStates.removeValue(forKey: call.name) { return existing }
        let key = callKey.isEmpty ? call.name : "\(callKey).\(call.name)"
        let what = "\(addressPrefix)module.\(call.name)"
        let expansion = InstanceExpansion(
            count: call.count, forEach: call.forEach, what: what, range: call.range, ctx: ctx, maxInstances: session.options.maxInstances)
        session.diagnostics.append(contentsOf: expansion.diagnostics)
        var directory = session.moduleDirectory(
            source: call.source, callKey: key, parentDirectory: config.directory, range: call.range,
            sourceRange: call.sourceRange)
        if directory != nil, depth + 1 > session.options.maxModuleDepth {
            session.diagnostics.append(
                Diagnostic(
                    .limitExceeded,
                    "Module \"\(key)\" is nested deeper than \(session.options.maxModuleDepth) levels; it is not loaded (does a module call itself?)",
                    at: call.range))
            directory = nil
        }
        let outputPrefix = "module.\(call.name).output."
        let cyclicOutputs = Set(
            (graph?.cyclic ?? []).filter { $0.hasPrefix(outputPrefix) }.map { String($0.dropFirst(outputPrefix.count)) })
        return ModuleCallState(call: call, key: key, expansion: expansion, directory: directory, cyclicOutputs: cyclicOutputs)
    }

    private func moduleCall(named name: String) -> ModuleConfig.ModuleCall? {
        if let existing = callStates[name] { return existing.call }
        if case .call(let call)? = graph?.items["module.\(name)"] { return call }
        return nil
    }

    /// Evaluates input `input` of call `name` for every instance of the call.
    func evaluateCallInput(_ name: String, _ input: String, cyclic: Bool) {
        guard let call = moduleCall(named: name) else { return }
        var state = takeState(of: call)
        defer { callStates[name] = state }
        state.ready.insert(input)
        guard state.directory != nil, let attribute = call.body.attributes.first(where: { $0.name == input }) else { return }
        let traversals = graph?.blockTraversals["module.\(name)"]?.first { $0.path == input }?.traversals ?? []
        var evaluator = BodyEvaluator(maxInstances: session.options.maxInstances)
        for (i, instance) in state.expansion.instances.enumerated() {
            let instanceCtx = ctx.binding(instance.bindings)
            eachTargets = targetsOfEach(call.forEach, key: instance.key)
            state.inputs[i][input] = cyclic ? .unknown : evaluator.value(of: attribute.expression, instanceCtx)
            state.inputTargets[i][input] = targets(of: traversals, instanceCtx)
        }
        session.diagnostics.append(contentsOf: evaluator.diagnostics)
    }

    /// Makes output `output` of call `name` visible. Once every input is known the child runs completely and
    /// all its outputs are final; before that it runs with the inputs known so far, if its latest run had fewer.
    func releaseCallOutput(_ name: String, _ output: String) {
        guard let call = moduleCall(named: name) else { return }
        var state = takeState(of: call)
        guard !state.complete else {
            callStates[name] = state
            return
        }
        state.released.insert(output)
        if state.allInputsReady {
            runChildren(&state, complete: true)
        } else if state.evaluatedWith != state.ready {
            runChildren(&state, complete: false)
        }
        publish(state)
    }

    /// Runs the child with every input, once, collecting its resources, and makes every output visible.
    func completeCall(_ call: ModuleConfig.ModuleCall, cyclic: Bool) {
        var state = takeState(of: call)
        guard !state.complete || cyclic else {
            callStates[call.name] = state
            return
        }
        if !state.complete { runChildren(&state, complete: true) }
        state.wholeCallCyclic = cyclic
        publish(state)
    }

    /// Runs every instance of the child. An incomplete run passes the inputs not yet evaluated as unknown and
    /// keeps only the outputs: its resources and diagnostics belong to the complete run.
    private func runChildren(_ state: inout ModuleCallState, complete: Bool) {
        defer {
            state.evaluatedWith = state.ready
            state.complete = complete
        }
        guard let directory = state.directory else { return }
        let childConfig = session.config(forDirectory: directory)
        if complete {
            let declared = Set(childConfig.variables.map(\.name))
            for attr in state.call.body.attributes
            where !ModuleConfig.moduleMetaArguments.contains(attr.name) && !declared.contains(attr.name) {
                session.diagnostics.append(
                    Diagnostic(.unknownReference, "Module \"\(state.key)\" has no variable named \"\(attr.name)\"", at: attr.range))
            }
        }
        // Every run counts, the incomplete ones too: they cost as much as the complete one.
        guard session.budget.admitModules(state.expansion.instances.count, call: state.key, at: state.call.range) else { return }
        var outputs: [[String: Value]] = []
        var merged: [String: ReferenceTargets] = [:]
        var perInstance: [String: [String: ReferenceTargets]] = [:]
        for (i, instance) in state.expansion.instances.enumerated() {
            if session.isStopped(evaluating: "module.\(state.key)", at: state.call.range) { return }
            var inputs = state.inputs[i]
            for name in state.inputNames where !state.ready.contains(name) { inputs[name] = .unknown }
            let segment = "module.\(state.call.name)" + (instance.key?.description ?? "")
            let child = ModuleInstance(
                session: session, config: childConfig, modulePath: modulePath + [segment], callKey: state.key, depth: depth + 1,
                inputs: inputs, inputTargets: state.inputTargets[i], isRoot: false)
            if complete {
                child.run()
                resources.append(contentsOf: child.resources)
            } else {
                session.muted { child.run() }
            }
            outputs.append(child.outputs)
            for (name, t) in child.outputTargets { merged[name, default: ReferenceTargets()].formUnion(t) }
            if let key = instance.key { perInstance[key.description] = child.outputTargets }
        }
        state.outputs = outputs
        state.outputTargets = merged
        state.instanceOutputTargets = perInstance
    }

    /// Stores `state` and exposes the call's visible outputs to references.
    private func publish(_ state: ModuleCallState) {
        callStates[state.call.name] = state
        moduleOutputTargets[state.call.name] = state.outputTargets
        moduleInstanceOutputTargets[state.call.name] = state.instanceOutputTargets
        let values = state.expansion.instances.indices.map(state.visibleOutputs)
        var modules = ctx.variables.removeValue(forKey: "module")?.members ?? [:]
        modules[state.call.name] = state.expansion.combined(values)
        ctx.variables["module"] = .object(modules)
    }
}
