/// Work an `EditWorkspace` has done, counted so tests can check that planning grows with the input, not its square.
struct PlanningEffort: Sendable, Equatable {
    /// Bytes handed to the parser: files and fragments as loaded and as each edit left them.
    var bytesParsed = 0
    /// Fragments stepped over: walked by a caller going through a file, or summed to place a fragment in its file.
    var fragmentsVisited = 0
}
