import Checks
import Model

/// The checks a scan runs on each input: one engine for every input, or the checks of a deferred library compiled
/// for the resource types each input holds.
enum ScanChecks: Sendable {
    case engine(CheckEngine)
    case byType(DeferredCheckLibrary)

    /// The engine for an input of `resources`.
    func engine(for resources: [Resource]) -> CheckEngine {
        switch self {
        case .engine(let engine):
            return engine
        case .byType(let library):
            let types = Set(resources.map { $0.mode == .data ? "data." + $0.type : $0.type })
            return CheckEngine(checks: library.checks(forTypes: types))
        }
    }
}
