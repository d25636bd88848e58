import Model

/// Runs checks over a resource graph; checks are indexed by resource type so each resource meets only the
/// checks written for it.
public struct CheckEngine: Sendable {
    public let checks: [CheckDefinition]
    private let boxes: [CheckBox]
    /// Every check, for live resources.
    private let liveIndex: CheckTypeIndex
    /// The checks that are not live-only, for resources read from configuration, plans or state.
    private let configurationIndex: CheckTypeIndex

    /// Indexes `checks` by resource type (`*` means every managed resource; `data.TYPE` a data source type).
    public init(checks: [CheckDefinition]) {
        self.checks = checks
        self.boxes = checks.map(CheckBox.init)
        self.liveIndex = CheckTypeIndex(checks: checks) { _ in true }
        self.configurationIndex =
            checks.contains(where: \.liveOnly) ? CheckTypeIndex(checks: checks) { !$0.liveOnly } : liveIndex
    }

    /// Evaluates every applicable check on every resource, in graph order then check order.
    /// Data sources are evaluated only by checks that list them as `data.TYPE`.
    public func evaluate(graph: ResourceGraph, suppressions: SuppressionContext = SuppressionContext()) -> [CheckResult] {
        let evaluator = ConditionEvaluator(graph: graph)
        var results: [CheckResult] = []
        results.reserveCapacity(graph.resources.count * 2)
        for resource in graph.resources {
            evaluate(resource: resource, evaluator: evaluator, suppressions: suppressions, into: &results)
        }
        return results
    }

    /// `evaluate(graph:suppressions:)` that checks `deadline` before each resource and throws its
    /// `deadline_exceeded` diagnostic once it has expired: results of part of a graph are not a scan.
    public func evaluate(
        graph: ResourceGraph, suppressions: SuppressionContext = SuppressionContext(), deadline: EvaluationDeadline
    ) throws(Diagnostic) -> [CheckResult] {
        let evaluator = ConditionEvaluator(graph: graph)
        var results: [CheckResult] = []
        results.reserveCapacity(graph.resources.count * 2)
        for resource in graph.resources {
            try deadline.check("the checks of \(resource.address)", at: resource.origin.sourceRange)
            evaluate(resource: resource, evaluator: evaluator, suppressions: suppressions, into: &results)
        }
        return results
    }

    /// Indices of the checks that apply to `resource`, in check order.
    func applicableChecks(for resource: Resource) -> [Int] {
        if case .live = resource.origin { return liveIndex.checks(for: resource) }
        return configurationIndex.checks(for: resource)
    }

    private func evaluate(
        resource: Resource, evaluator: ConditionEvaluator, suppressions: SuppressionContext,
        into results: inout [CheckResult]
    ) {
        for index in applicableChecks(for: resource) {
            let check = checks[index]
            let verdict: Verdict
            let evidence: String
            if let reason = suppressions.skipReason(for: check, resource: resource) {
                verdict = .skipped(reason: reason)
                evidence = reason
            } else {
                let outcome = evaluator.evaluate(check.condition, on: resource)
                evidence = outcome.evidence
                switch outcome.truth {
                case .true: verdict = .passed
                case .false: verdict = .failed
                case .unknown: verdict = .unknown(reason: outcome.evidence)
                }
            }
            results.append(
                CheckResult(
                    checkBox: boxes[index], resourceAddress: resource.address, resourceType: resource.type,
                    range: resource.origin.sourceRange, verdict: verdict, evidence: evidence))
        }
    }
}
