import Hummingbird
import Model

/// The request context of every route: Hummingbird's core plus who is calling (set by `AccessControl`).
public struct ServerContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The authenticated token or cookie's holder; nil for an anonymous call.
    public var caller: Caller?
    /// The peer's address (webhook rate limits are per source).
    public let remoteAddress: String

    /// A context for a new request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Bodies Hummingbird decodes are small JSON documents.
    public var maxUploadSize: Int { 64 * 1024 }
}

/// Who made a request: the token's name and role.
public struct Caller: Sendable, Hashable {
    public var name: String
    public var role: AccessRole

    /// Memberwise.
    public init(name: String, role: AccessRole) {
        self.name = name
        self.role = role
    }
}
