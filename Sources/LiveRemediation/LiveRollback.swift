/// What a failed apply undid and what it left in place: the completed calls' undo calls run newest first, and the
/// rollback stops at the first undo that fails or is missing, so the remaining state is exactly "the resource as
/// discovered plus the calls in `leftInPlace`" — never a guess.
public struct LiveRollback: Sendable, Hashable {
    /// Undo calls that were sent and succeeded, in the order sent.
    public var undone: [LiveAPICall]
    /// Completed plan calls whose change remains (their undo failed, was missing, or was not reached), plan order.
    public var leftInPlace: [LiveAPICall]
    /// Why the rollback stopped (the failing undo call and its error, or the call without an undo); nil: complete.
    public var stopped: String?

    /// Whether every completed call was undone.
    public var complete: Bool { stopped == nil }

    /// One sentence for the request's error and the audit trail.
    public var summary: String {
        guard let stopped else {
            return undone.isEmpty
                ? "rolled back: nothing to undo"
                : "rolled back: " + undone.map(\.rendered).joined(separator: "; ")
        }
        return "\(stopped); left in place: " + leftInPlace.map(\.rendered).joined(separator: "; ")
    }

    /// Undoes `completed` (the plan's calls that succeeded, in plan order) newest first.
    static func run(_ completed: [LiveAPICall], plan: LivePlan, clients: FixClients) async -> LiveRollback {
        var rollback = LiveRollback(undone: [], leftInPlace: [], stopped: nil)
        for index in completed.indices.reversed() {
            let call = completed[index]
            guard let undo = call.undo else {
                rollback.stopped =
                    "rollback stopped at call \(index + 1) (\(call.api)): it has no undo ("
                    + (call.noUndo ?? "the plan records none; it predates undo calls") + ")"
                rollback.leftInPlace = Array(completed[...index])
                return rollback
            }
            for undoCall in undo {
                do {
                    try await clients.execute(undoCall, plan: plan)
                    rollback.undone.append(undoCall)
                } catch {
                    // Undo calls of one plan call are one step: a partly sent undo leaves that call in place too.
                    rollback.stopped =
                        "rollback failed at \(undoCall.rendered) (undo of call \(index + 1), "
                        + "\(call.api)): \(error.description)"
                    rollback.leftInPlace = Array(completed[...index])
                    return rollback
                }
            }
        }
        return rollback
    }
}
