import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The process that holds (or held) a target lease: its replica name, host, process id and expiry.
public struct LeaseHolder: Sendable, Hashable {
    /// The replica name the lease was claimed under.
    public var owner: String
    public var host: String?
    public var pid: Int32?
    public var expiresAt: Date

    /// A holder record.
    public init(owner: String, host: String?, pid: Int32?, expiresAt: Date) {
        self.owner = owner
        self.host = host
        self.pid = pid
        self.expiresAt = expiresAt
    }

    /// The host name leases record for this process.
    public static var currentHost: String { ProcessInfo.processInfo.hostName }

    /// This process's id.
    public static var currentPID: Int32 { ProcessInfo.processInfo.processIdentifier }

    /// True when the holder ran on this host and its process is gone: the lease protects nothing any more.
    /// A holder on another host, or one without a recorded process, is never judged dead here.
    public var isDeadProcessOnThisHost: Bool {
        guard let host, let pid, pid > 0, host == Self.currentHost else { return false }
        if pid == Self.currentPID { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// `owner (host pid N) until <ISO time>`, for messages.
    public var description: String {
        var text = owner
        if let host, let pid { text += " (\(host) pid \(pid))" }
        return text + " until " + ISO8601DateFormatter().string(from: expiresAt)
    }
}
