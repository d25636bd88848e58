import ControllerConfig
import Foundation

/// Runs `body`, throwing a Timeout error if it has not finished within `limit`.
func withDeadline<T: Sendable>(_ limit: Duration, target: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else {
            throw ReconcileError(.timeout, "the cycle took longer than \(DurationText.format(limit))", target: target)
        }
        return value
    }
}
