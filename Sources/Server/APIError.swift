import Hummingbird

/// A failed API call: a closed code (which decides the HTTP status), a message safe to show the caller, the
/// request field at fault if any, the underlying cause (logged, never sent) and where it was raised.
public struct APIError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as the API reports it.
    public enum Code: String, Sendable, CaseIterable {
        case badRequest = "bad_request"
        case unauthorized
        case forbidden
        case notFound = "not_found"
        case methodNotAllowed = "method_not_allowed"
        case conflict
        case payloadTooLarge = "payload_too_large"
        case tooManyRequests = "too_many_requests"
        case unavailable
        case internalError = "internal"

        /// The HTTP status of a response carrying this code.
        public var status: HTTPResponse.Status {
            switch self {
            case .badRequest: return .badRequest
            case .unauthorized: return .unauthorized
            case .forbidden: return .forbidden
            case .notFound: return .notFound
            case .methodNotAllowed: return .methodNotAllowed
            case .conflict: return .conflict
            case .payloadTooLarge: return .contentTooLarge
            case .tooManyRequests: return .tooManyRequests
            case .unavailable: return .serviceUnavailable
            case .internalError: return .internalServerError
            }
        }
    }

    public var code: Code
    /// Shown to the caller: never SQL, a path of the host, a stack or a secret.
    public var message: String
    /// The query parameter, path parameter or body field at fault.
    public var field: String?
    /// The cause, for the log only.
    public var underlying: (any Error)?
    /// `file:line` of the code that raised it, for the log only.
    public var location: String

    /// An error with `code`; `field` names the request part at fault.
    public init(
        _ code: Code, _ message: String, field: String? = nil, underlying: (any Error)? = nil,
        fileID: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.field = field
        self.underlying = underlying
        self.location = "\(fileID):\(line)"
    }

    /// A 400 naming the field.
    public static func invalid(_ field: String, _ message: String, fileID: String = #fileID, line: Int = #line) -> APIError {
        APIError(.badRequest, "\(field): \(message)", field: field, fileID: fileID, line: line)
    }

    public var description: String {
        "\(code.rawValue) at \(location): \(message)" + (underlying.map { " (cause: \($0))" } ?? "")
    }
}
