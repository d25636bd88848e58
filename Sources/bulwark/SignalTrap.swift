import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Catches SIGTERM and SIGINT for a command that stops on its own terms (finishing or abandoning its work and
/// cleaning up) instead of dying mid-way: the first signal calls `onSignal`, a second one `onRepeat`.
final class SignalTrap: @unchecked Sendable {
    // @unchecked: `caught` is guarded by `lock`; the sources are only touched in init and `cancel`.
    private let lock = NSLock()
    private var caught: Int32?
    private var sources: [any DispatchSourceSignal] = []

    /// Traps `signals` from now on; the handlers run on a background queue.
    init(
        _ signals: [Int32] = [SIGTERM, SIGINT], onSignal: @escaping @Sendable (Int32) -> Void,
        onRepeat: @escaping @Sendable (Int32) -> Void
    ) {
        for number in signals {
            // The default action would end the process before the handler runs.
            _ = Glibc.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.lock()
                let first = self.caught == nil
                if first { self.caught = number }
                self.lock.unlock()
                if first { onSignal(number) } else { onRepeat(number) }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// The first signal caught, nil when none was.
    var signal: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return caught
    }

    /// Stops trapping (the default actions come back).
    func cancel() {
        for source in sources { source.cancel() }
        for number in [SIGTERM, SIGINT] { _ = Glibc.signal(number, SIG_DFL) }
    }
}
