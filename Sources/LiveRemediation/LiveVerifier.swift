import Checks
import Model

/// Decides whether a re-read resource now passes the check a plan was made for.
enum LiveVerifier {
    /// nil when the check passes on every re-read copy of the resource, else the reason it does not.
    static func failure(of plan: LivePlan, check: CheckDefinition, resources: [Resource]) -> String? {
        let targets = resources.filter { resource in
            guard resource.type == plan.resourceType, case .live(let origin) = resource.origin else { return false }
            return origin.id == plan.liveID
        }
        guard !targets.isEmpty else { return "the re-read did not return \(plan.resourceType) \(plan.liveID)" }
        let addresses = Set(targets.map(\.address))
        let results = CheckEngine(checks: [check]).evaluate(graph: ResourceGraph(resources))
            .filter { addresses.contains($0.resourceAddress) }
        guard !results.isEmpty else { return "\(plan.checkID) did not evaluate on the re-read resource" }
        for result in results where result.verdict != .passed {
            return "\(plan.checkID) is still \(result.verdict) after apply: \(result.evidence)"
        }
        return nil
    }
}
