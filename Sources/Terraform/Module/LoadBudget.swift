import HCL
import Model

/// What one root module's load may spend: module instances, resource instances, module graphs and time.
///
/// A module that calls itself twice doubles its instances at every level, so per-call limits (nesting depth,
/// `count`) still allow exponential work; these totals bound it. The first bound crossed (or the deadline)
/// stops the whole load, and `stopReason` says which one and at which module call or block.
struct LoadBudget {
    let maxModuleInstances: Int
    let maxResourceInstances: Int
    let deadline: EvaluationDeadline?
    private(set) var moduleInstances = 0
    private(set) var resourceInstances = 0
    private(set) var moduleGraphs = 0
    /// Why the load stopped; nil while it runs. Kept apart from the session's diagnostics because an incomplete
    /// module run drops the diagnostics it raised, and this one must survive.
    private(set) var stopReason: Diagnostic?

    init(options: LoadOptions) {
        maxModuleInstances = options.maxModuleInstances
        maxResourceInstances = options.maxResourceInstances
        deadline = options.deadline
    }

    /// Whether the load has stopped; checks the deadline and the `for` elements spent first, so every loop that asks
    /// stops at them (an expression past the element limit has already reported where it is).
    mutating func isStopped(
        evaluating what: @autoclosure () -> String, at range: SourceRange?, iterations: IterationBudget
    ) -> Bool {
        if stopReason != nil { return true }
        do {
            try deadline?.check(what(), at: range)
        } catch {
            stopReason = error
        }
        if stopReason == nil, iterations.isExhausted {
            stopReason = Diagnostic(
                .limitExceeded,
                "For expressions produced more than \(iterations.limit) elements in this root module; the root module is not scanned",
                at: range)
        }
        return stopReason != nil
    }

    /// Counts `count` more instances of the module call `key` declared at `range`; false (and stopped) when that
    /// passes the limit.
    mutating func admitModules(_ count: Int, call key: String, at range: SourceRange) -> Bool {
        guard stopReason == nil else { return false }
        moduleInstances += count
        guard moduleInstances > maxModuleInstances else { return true }
        stop(
            "Module \"\(key)\" would bring this root module past \(maxModuleInstances) module instances (does a module call itself more than once?); the root module is not scanned",
            at: range)
        return false
    }

    /// Counts one more module graph (a module at one call path) built for the call `key` declared at `range`.
    mutating func admitGraph(call key: String, at range: SourceRange) -> Bool {
        guard stopReason == nil else { return false }
        moduleGraphs += 1
        guard moduleGraphs > maxModuleInstances else { return true }
        stop(
            "Module \"\(key)\" would bring this root module past \(maxModuleInstances) module instances (does a module call itself more than once?); the root module is not scanned",
            at: range)
        return false
    }

    /// Counts `count` more instances of resource `address` declared at `range`; false (and stopped) past the limit.
    mutating func admitResources(_ count: Int, of address: String, at range: SourceRange) -> Bool {
        guard stopReason == nil else { return false }
        resourceInstances += count
        guard resourceInstances > maxResourceInstances else { return true }
        stop(
            "\(address) would bring this root module past \(maxResourceInstances) resource instances; the root module is not scanned",
            at: range)
        return false
    }

    private mutating func stop(_ message: String, at range: SourceRange) {
        stopReason = Diagnostic(.limitExceeded, message, at: range)
    }
}
