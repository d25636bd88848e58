import Foundation

/// A map whose elements are transformed on every core, the results in input order.
///
/// For CPU-bound work in synchronous code (compiling the check library); each element is transformed exactly once.
enum ParallelMap {
    /// `items.map(transform)`, computed by one worker per core, each taking every n-th element.
    static func map<Element: Sendable, Result: Sendable>(
        _ items: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, items.count)
        guard workers > 1 else { return items.map(transform) }
        let slots = Slots<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: items.count, by: workers) {
                slots.store(transform(items[index]), at: index)
            }
        }
        return slots.results()
    }
}

/// Result slots written by disjoint indices from several threads and read once all writers are done.
private final class Slots<Result: Sendable>: @unchecked Sendable {
    private let values: UnsafeMutableBufferPointer<Result?>

    init(count: Int) {
        values = .allocate(capacity: count)
        values.initialize(repeating: nil)
    }

    deinit {
        values.deinitialize()
        values.deallocate()
    }

    /// Stores the result of one index; each index is written by exactly one worker.
    func store(_ value: Result, at index: Int) { values[index] = value }

    /// Every stored result in index order; called after `concurrentPerform` returned, when every slot is set.
    func results() -> [Result] { values.compactMap { $0 } }
}
