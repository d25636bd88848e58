import Foundation
import Hummingbird
import Logging

/// The outermost responder: turns every failure into the one error envelope
/// `{"error":{"code","message"},"request_id"}` (no cause, SQL, path or stack ever reaches the caller), stamps
/// `X-Request-Id`, logs one structured line per request and counts it in the metrics.
struct EnvelopeResponder<Inner: HTTPResponder>: HTTPResponder where Inner.Context == ServerContext {
    typealias Context = ServerContext

    struct Envelope: Encodable {
        struct Body: Encodable {
            var code: String
            var message: String
            var field: String?
        }

        var error: Body
        var request_id: String
    }

    let inner: Inner
    let metrics: ServerMetrics

    func respond(to request: Request, context: ServerContext) async throws -> Response {
        let started = ContinuousClock.now
        let requestID = context.id
        var response: Response
        do {
            response = try await inner.respond(to: request, context: context)
            // The router answers an unknown route or method, and a body over its limit, itself: same envelope.
            if let failure = RouterFailure.error(status: response.status.code) {
                response = Self.envelope(failure, requestID: requestID)
            }
        } catch {
            let failure = Self.apiError(error)
            if failure.code == .internalError || failure.code == .unavailable {
                context.logger.error("request failed", metadata: ["error": .string(failure.description)])
            }
            response = Self.envelope(failure, requestID: requestID)
        }
        response.headers[.init("X-Request-Id")!] = requestID
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = context.endpointPath ?? "unmatched"
        metrics.request(method: request.method.rawValue, route: route, status: response.status.code, seconds: seconds)
        context.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue), "route": .string(route),
                "status": .stringConvertible(response.status.code), "ms": .stringConvertible(Int(seconds * 1000)),
            ])
        return response
    }

    /// What the caller is told about `error`.
    static func apiError(_ error: any Error) -> APIError {
        if let error = error as? APIError { return error }
        if let error = error as? HTTPError {
            switch error.status {
            case .notFound: return APIError(.notFound, "no such route", underlying: error)
            case .methodNotAllowed: return APIError(.methodNotAllowed, "method not allowed on this route", underlying: error)
            case .contentTooLarge: return APIError(.payloadTooLarge, "the body is too large", underlying: error)
            case .badRequest: return APIError(.badRequest, "bad request", underlying: error)
            case .unauthorized: return APIError(.unauthorized, "a bearer token is required", underlying: error)
            default:
                return error.status.code < 500
                    ? APIError(.badRequest, "bad request", underlying: error)
                    : APIError(.internalError, "internal error", underlying: error)
            }
        }
        return APIError(.internalError, "internal error", underlying: error)
    }

    static func envelope(_ error: APIError, requestID: String) -> Response {
        let body = Envelope(error: .init(code: error.code.rawValue, message: error.message, field: error.field), request_id: requestID)
        let data = (try? JSONBody.encoder.encode(body)) ?? Data("{\"error\":{\"code\":\"internal\",\"message\":\"internal error\"}}".utf8)
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if error.code == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"bulwark\"" }
        return Response(status: error.code.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The answers Hummingbird's router gives by itself, as API errors.
enum RouterFailure {
    static func error(status: Int) -> APIError? {
        switch status {
        case 400: return APIError(.badRequest, "bad request")
        case 404: return APIError(.notFound, "no such route")
        case 405: return APIError(.methodNotAllowed, "method not allowed on this route")
        case 413: return APIError(.payloadTooLarge, "the body is too large")
        default: return nil
        }
    }
}
