/// Caps how many ARM requests are in flight at once, whatever fans out above it (ARM throttles per principal).
actor ARMRequestGate {
    private let width: Int
    private var running = 0
    private var queue: [CheckedContinuation<Void, Never>] = []

    init(width: Int) { self.width = max(1, width) }

    /// Runs `body` once a slot is free; the slot is handed on in arrival order.
    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if running < width {
            running += 1
        } else {
            await withCheckedContinuation { queue.append($0) }
        }
        defer { handOn() }
        return try await body()
    }

    private func handOn() {
        if queue.isEmpty { running -= 1 } else { queue.removeFirst().resume() }
    }
}
