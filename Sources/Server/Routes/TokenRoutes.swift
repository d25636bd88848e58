import Foundation
import Hummingbird
import Model
import Store

/// `/api/v1/tokens` (admin): list, create (the token is in the response once, never again) and revoke (at once).
struct TokenRoutes {
    struct Creation: Decodable {
        var name: String
        var role: String
    }

    struct TokenView: Encodable, Sendable {
        var name: String
        var role: String
        var createdAt: Date
        var revokedAt: Date?
        /// Only in the answer to its creation.
        var token: String?
    }

    let environment: ServerEnvironment
    /// Told of every revocation, so the revoked token stops working at once.
    let access: AccessControl

    func register(on group: RouterGroup<ServerContext>) {
        group.get("tokens") { _, context in try await list(context) }
        group.post("tokens") { request, context in try await create(request, context) }
        group.delete("tokens/:name") { _, context in try await revoke(context) }
    }

    func list(_ context: ServerContext) async throws -> Response {
        _ = try AccessControl.require(.admin, context)
        let tokens = try await stored { try await environment.store.tokens() }
        return try JSONBody.response([
            "tokens": tokens.map { TokenView(name: $0.name, role: $0.role.rawValue, createdAt: $0.createdAt, revokedAt: $0.revokedAt) }
        ])
    }

    func create(_ request: Request, _ context: ServerContext) async throws -> Response {
        let caller = try AccessControl.require(.admin, context)
        let body = try await JSONBody.decode(Creation.self, from: request)
        try TokenIssuer.validate(name: body.name)
        guard let role = AccessRole(rawValue: body.role) else {
            throw APIError.invalid("role", "must be one of \(AccessRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let (record, token) = try await TokenIssuer.issue(name: body.name, role: role, store: environment.store)
        try await audit(environment.store, caller: caller.name, action: "token.create", subject: record.name, detail: role.rawValue)
        return try JSONBody.response(
            TokenView(name: record.name, role: role.rawValue, createdAt: record.createdAt, token: token), status: .created)
    }

    func revoke(_ context: ServerContext) async throws -> Response {
        let caller = try AccessControl.require(.admin, context)
        let name = try QueryParameters.path("name", context)
        guard try await stored({ try await environment.store.revokeToken(name: name, at: Date()) }) else {
            throw APIError(.notFound, "no active token \(name)")
        }
        access.revoked(name: name)
        try await audit(environment.store, caller: caller.name, action: "token.revoke", subject: name, detail: "")
        return Response(status: .noContent)
    }
}

/// Creates tokens for the API and the CLI alike.
public enum TokenIssuer {
    /// A token name: 1 to 64 characters of letters, digits, `-`, `_`, `.`, `@`.
    public static func validate(name: String) throws(APIError) {
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.@".contains($0)) }
        guard (1...64).contains(name.count), allowed else {
            throw APIError.invalid("name", "must be 1 to 64 letters, digits, '-', '_', '.' or '@'")
        }
    }

    /// Stores a new token named `name` and returns it with its secret (to be shown once); a used name is a 409.
    public static func issue(name: String, role: AccessRole, store: Store) async throws -> (TokenRecord, String) {
        try validate(name: name)
        let token = TokenSecret.generate()
        let record = TokenRecord(name: name, role: role, hash: TokenSecret.hash(token), createdAt: Date())
        do {
            try await store.createToken(record)
        } catch let error as StoreError where error.code == .constraint {
            throw APIError(.conflict, "a token named \(name) already exists", field: "name", underlying: error)
        } catch {
            throw APIError(.unavailable, "the database cannot answer now", underlying: error)
        }
        return (record, token)
    }
}
