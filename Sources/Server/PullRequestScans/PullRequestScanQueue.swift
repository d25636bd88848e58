import ServiceLifecycle

/// Runs pull request scans off the request path, bounded: one scan per target and request at a time, at most
/// `maxRunning` at once, at most `maxQueued` waiting; a newer head of a request replaces its waiting older one,
/// so a burst of pushes to one request costs one scan of the newest head. As a service it stops with the
/// process: waiting scans are dropped and running ones cancelled, and it returns once they have reported.
public actor PullRequestScanQueue: Service {
    /// Scans one event; returns its result (`passed`, `failed`, `unknown`, `error`) for the metrics.
    public typealias Review = @Sendable (PullRequestEvent) async -> String

    /// What became of a submitted event.
    public enum Admission: Sendable, Hashable {
        /// Waiting or started.
        case queued
        /// Waiting in place of an older head of the same request, which will not be scanned.
        case superseded(olderHead: String)
        /// The queue is full; nothing was queued.
        case full
    }

    /// Work counters (what the tests assert instead of timings).
    public struct Counts: Sendable, Hashable {
        public var submitted = 0
        public var started = 0
        public var finished = 0
        public var superseded = 0
        public var refused = 0
        /// Running scans cancelled and waiting ones dropped by a shutdown.
        public var cancelled = 0
    }

    /// Targets whose pull requests are scanned (those with a code host configured).
    public nonisolated let targets: Set<String>
    let maxRunning: Int
    let maxQueued: Int
    let review: Review
    private var waiting: [String] = []
    private var latest: [String: (event: PullRequestEvent, finished: @Sendable (String) -> Void)] = [:]
    private var running: Set<String> = []
    private var tasks: [String: Task<Void, Never>] = [:]
    private var stopped = false
    /// The counters so far.
    public private(set) var counts = Counts()

    /// A queue scanning `targets`' requests through `review`.
    public init(targets: Set<String>, maxRunning: Int = 2, maxQueued: Int = 256, review: @escaping Review) {
        self.targets = targets
        self.maxRunning = max(1, maxRunning)
        self.maxQueued = max(1, maxQueued)
        self.review = review
    }

    /// Queues a scan of `event`; `finished` gets its result once it ran (never, if a newer head supersedes it).
    public func submit(_ event: PullRequestEvent, finished: @escaping @Sendable (String) -> Void = { _ in }) -> Admission {
        counts.submitted += 1
        let key = "\(event.target)#\(event.number)"
        let older = latest[key]
        guard !stopped, older != nil || latest.count < maxQueued else {
            counts.refused += 1
            return .full
        }
        latest[key] = (event, finished)
        if !running.contains(key) && older == nil { waiting.append(key) }
        pump()
        guard let older else { return .queued }
        counts.superseded += 1
        return .superseded(olderHead: older.event.headSHA)
    }

    /// True when nothing runs or waits.
    public var isIdle: Bool { running.isEmpty && latest.isEmpty }

    private func pump() {
        while running.count < maxRunning, let index = waiting.firstIndex(where: { !running.contains($0) }) {
            let key = waiting.remove(at: index)
            guard let next = latest.removeValue(forKey: key) else { continue }
            running.insert(key)
            counts.started += 1
            let review = self.review
            tasks[key] = Task {
                let result = await review(next.event)
                next.finished(result)
                await self.done(key)
            }
        }
    }

    private func done(_ key: String) {
        running.remove(key)
        tasks[key] = nil
        counts.finished += 1
        // A head that arrived while this one was scanned waits its turn behind the others.
        if latest[key] != nil && !waiting.contains(key) { waiting.append(key) }
        pump()
    }

    /// Waits for the process to shut down, then stops (see `stop()`).
    public func run() async throws {
        try? await gracefulShutdown()
        await stop()
    }

    /// Refuses new events, drops waiting ones and cancels running scans (each reports itself cancelled on its
    /// request), then waits until every running scan has returned.
    public func stop() async {
        stopped = true
        counts.cancelled += latest.count + tasks.count
        latest = [:]
        waiting = []
        let running = Array(tasks.values)
        for task in running { task.cancel() }
        for task in running { await task.value }
    }
}
