import Foundation
import Hummingbird
import Model
import Store

/// Resolves the caller of a request from its bearer token or `bulwark_token` cookie, and enforces roles.
public struct AccessControl: Sendable {
    /// The cookie the dashboard keeps the token in (HttpOnly, SameSite=Strict).
    public static let cookieName = "bulwark_token"
    /// Tokens longer than this are not looked up (a real one is about 47 characters).
    static let maximumTokenLength = 512

    let store: Store
    let cache: TokenCache

    /// Access control over the tokens in `store`; a verified token is believed for `recheckAfter` before the
    /// store is read again (how long a token revoked by another process stays usable here).
    public init(store: Store, recheckAfter: Duration = .seconds(5)) {
        self.init(store: store, cache: TokenCache(lifetime: recheckAfter))
    }

    init(store: Store, cache: TokenCache) {
        self.store = store
        self.cache = cache
    }

    /// Token reads from the store so far (a known token within `recheckAfter` costs none).
    public var storeReads: Int { cache.storeReads }

    /// The holder of the request's token (bearer header first, then the cookie); nil when there is none, it is
    /// unknown or revoked, or the store cannot be read.
    public func viewer<Context: RequestContext>(for request: Request, context: Context) async -> (name: String, role: AccessRole)? {
        guard let caller = try? await caller(of: request) else { return nil }
        return (caller.name, caller.role)
    }

    /// The holder of `token` (a dashboard sign-in); nil when it is too long, unknown or revoked, or the store
    /// cannot be read.
    public func holder(of token: String) async -> (name: String, role: AccessRole)? {
        guard token.utf8.count <= Self.maximumTokenLength, let caller = try? await verified(token) else { return nil }
        return (caller.name, caller.role)
    }

    /// The holder of the request's token; nil without a token; an unknown or revoked token is `unauthorized`.
    func caller(of request: Request) async throws -> Caller? {
        guard let token = Self.presentedToken(request) else { return nil }
        guard token.utf8.count <= Self.maximumTokenLength else { throw APIError(.unauthorized, "invalid token") }
        guard let caller = try await verified(token) else { throw APIError(.unauthorized, "invalid or revoked token") }
        return caller
    }

    /// The holder of `token` from the cache, else from the store (then cached); nil when unknown or revoked.
    func verified(_ token: String) async throws(APIError) -> Caller? {
        let hash = TokenSecret.hash(token)
        if let caller = cache.caller(hash: hash) { return caller }
        let generation = cache.beginRead()
        let record: TokenRecord?
        do {
            record = try await store.token(hash: hash)
        } catch {
            throw APIError(.unavailable, "cannot check the token now", underlying: error)
        }
        guard let record, record.revokedAt == nil else { return nil }
        let caller = Caller(name: record.name, role: record.role)
        cache.remember(hash: hash, caller: caller, readAt: generation)
        return caller
    }

    /// Stops accepting the token named `name` at once (it was just revoked in the store).
    func revoked(name: String) { cache.forget(name: name) }

    /// The token in `Authorization: Bearer …`, else in the cookie.
    static func presentedToken(_ request: Request) -> String? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                return String(parts[1]).trimmingCharacters(in: .whitespaces)
            }
        }
        return request.cookies[cookieName]?.value
    }

    /// The caller, who must hold at least `role`: 401 without a token, 403 with too small a role.
    static func require(_ role: AccessRole, _ context: ServerContext) throws -> Caller {
        guard let caller = context.caller else { throw APIError(.unauthorized, "a bearer token is required") }
        guard caller.role >= role else {
            throw APIError(.forbidden, "this call needs the \(role.rawValue) role; token \(caller.name) is \(caller.role.rawValue)")
        }
        return caller
    }
}

/// Sets `ServerContext.caller` from the token of every request under it (anonymous requests pass through).
struct AuthenticationMiddleware: RouterMiddleware {
    let access: AccessControl

    func handle(
        _ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.caller = try await access.caller(of: request)
        // Every line logged while handling the request names who made it.
        if let caller = context.caller { context.logger[metadataKey: "caller"] = .string(caller.name) }
        return try await next(request, context)
    }
}
