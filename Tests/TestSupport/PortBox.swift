import Foundation

/// The server's port, known only after the handler that embeds it (in nextLinks, redirects) was created.
public final class PortBox: @unchecked Sendable {
    // Unchecked: written once before the first request, read by handler threads afterwards, under `lock`.
    private let lock = NSLock()
    private var value = 0

    /// An empty box (port 0 until set).
    public init() {}

    /// The port; set once the server has started.
    public var port: Int {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
