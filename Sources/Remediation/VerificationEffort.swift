/// Work verification has done, counted so tests can check that an edit of a few blocks is not verified by
/// loading whole modules again.
struct VerificationEffort: Sendable, Equatable {
    /// Root modules loaded (parsed and evaluated whole) from the edited tree.
    var modulesLoaded = 0
    /// Edited resource blocks evaluated again in the scan's evaluated root module instead.
    var blocksReevaluated = 0
}
