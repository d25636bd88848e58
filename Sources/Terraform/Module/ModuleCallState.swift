import HCL
import Model

/// How far one module call inside a module instance has been evaluated: its instances, the inputs known so far
/// and the child outputs computed from them. A call's inputs and outputs are separate graph nodes, so an output
/// can be read before every input is known; the child then runs with the missing inputs unknown, and once more
/// with all of them to produce its resources.
struct ModuleCallState {
    let call: ModuleConfig.ModuleCall
    /// Call names only (`net.sub`), the key of the module manifest.
    let key: String
    let expansion: InstanceExpansion
    /// The child module's directory; nil when it is not loaded (missing, or nested too deep).
    let directory: String?
    /// The input names the call body gives, in source order.
    let inputNames: [String]
    /// Per instance: input name → value, for the inputs evaluated so far.
    var inputs: [[String: Value]]
    /// Per instance: input name → the resources its value came from.
    var inputTargets: [[String: ReferenceTargets]]
    /// Inputs evaluated so far (for every instance).
    var ready: Set<String> = []
    /// Outputs whose node has been reached: before the complete run, only these are visible to references.
    var released: Set<String> = []
    /// Outputs on a cycle: unknown whatever the child computes.
    var cyclicOutputs: Set<String>
    /// The call itself is on a cycle (through a reference to the whole call): every output is unknown.
    var wholeCallCyclic = false
    /// The inputs the latest child outputs were computed with; nil before the child first ran.
    var evaluatedWith: Set<String>?
    /// The child ran with every input and its resources were collected.
    var complete = false
    /// Per instance: the child's outputs from its latest run.
    var outputs: [[String: Value]] = []
    /// Per output name: the resources it came from, all instances merged.
    var outputTargets: [String: ReferenceTargets] = [:]
    /// Per instance key (`["a"]`, `[0]`): output name → the resources its value came from, so that a reference to
    /// one instance's output connects to that instance's resources only.
    var instanceOutputTargets: [String: [String: ReferenceTargets]] = [:]

    init(call: ModuleConfig.ModuleCall, key: String, expansion: InstanceExpansion, directory: String?, cyclicOutputs: Set<String>) {
        self.call = call
        self.cyclicOutputs = cyclicOutputs
        self.key = key
        self.expansion = expansion
        self.directory = directory
        inputNames = call.body.attributes.map(\.name).filter { !ModuleConfig.moduleMetaArguments.contains($0) }
        inputs = Array(repeating: [:], count: expansion.instances.count)
        inputTargets = Array(repeating: [:], count: expansion.instances.count)
    }

    /// Every input the body gives has been evaluated.
    var allInputsReady: Bool { ready.count >= Set(inputNames).count }

    /// The value references see for instance `i`: outputs as computed, except those on a cycle and, before
    /// the complete run, those whose inputs may not all be known yet.
    func visibleOutputs(_ i: Int) -> Value {
        guard directory != nil, !wholeCallCyclic, i < outputs.count else { return .unknown }
        if complete && cyclicOutputs.isEmpty { return .object(outputs[i]) }
        var out: [String: Value] = [:]
        for (name, value) in outputs[i] {
            out[name] = (complete || released.contains(name)) && !cyclicOutputs.contains(name) ? value : .unknown
        }
        return .object(out)
    }
}
