/// A request the dashboard cannot serve: what kind of failure (a closed set, which picks the HTTP status), a message
/// fit for the page, the error underneath (kept for the log, never shown) and where it was raised.
struct DashboardError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    enum Code: String, Sendable {
        /// The viewer's role does not allow the action.
        case forbidden
        /// The form lacks its CSRF token, carries another session's, or comes from another origin.
        case badRequestOrigin = "bad_request_origin"
        /// A form field is missing or malformed.
        case badForm = "bad_form"
        /// No such target or remediation request.
        case notFound = "not_found"
        /// The request is in a state that does not allow the action.
        case wrongState = "wrong_state"
        /// Live remediation is not configured in this process.
        case unavailable
        /// The store (or the remediator) failed.
        case storeFailed = "store_failed"

        /// The HTTP status a page of this error is sent with.
        var status: Int {
            switch self {
            case .forbidden, .badRequestOrigin: return 403
            case .badForm: return 400
            case .notFound: return 404
            case .wrongState: return 409
            case .unavailable: return 503
            case .storeFailed: return 500
            }
        }
    }

    var code: Code
    var message: String
    var underlying: (any Error)?
    var file: String
    var line: Int

    /// An error raised at the call site.
    init(_ code: Code, _ message: String, underlying: (any Error)? = nil, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.underlying = underlying
        self.file = file
        self.line = line
    }

    /// `message (code) at file:line[: underlying]`, for the log.
    var description: String {
        "\(message) (\(code.rawValue)) at \(file):\(line)" + (underlying.map { ": \($0)" } ?? "")
    }
}
