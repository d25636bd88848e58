import CGit2

/// A failed Git operation: what failed (`code`), libgit2's message and class, the operation and the (redacted) URL.
public struct GitError: Error, Sendable, CustomStringConvertible {
    /// A stable, machine-readable class of failure; new codes can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
        public let rawValue: String
        /// A code from its raw name.
        public init(_ rawValue: String) { self.rawValue = rawValue }
        /// A code from a string literal.
        public init(stringLiteral value: String) { self.rawValue = value }
        /// The raw name.
        public var description: String { rawValue }

        public static let notFound: Code = "not_found"
        public static let authentication: Code = "authentication"
        public static let certificate: Code = "certificate"
        public static let timeout: Code = "timeout"
        public static let network: Code = "network"
        public static let invalidReference: Code = "invalid_reference"
        public static let push: Code = "push"
        public static let io: Code = "io"
        public static let libgit2: Code = "libgit2"
        public static let invalidURL: Code = "invalid_url"
        public static let tooLarge: Code = "too_large"
        public static let invalidPath: Code = "invalid_path"
        public static let cancelled: Code = "cancelled"
        public static let invalidArgument: Code = "invalid_argument"
    }

    public var code: Code
    /// libgit2's (or our) message, with credentials stripped from any URL.
    public var message: String
    public var libgit2Class: Int32?
    public var libgit2Code: Int32?
    /// The API that failed, e.g. "fetch" or "resolve".
    public var operation: String
    /// The remote URL involved, redacted.
    public var url: String?

    /// An error with the given parts; `message` and `url` are redacted here so no caller can leak a secret.
    public init(
        code: Code, message: String, operation: String, url: String? = nil,
        libgit2Class: Int32? = nil, libgit2Code: Int32? = nil
    ) {
        self.code = code
        self.message = redactGitURLs(in: message)
        self.operation = operation
        self.url = url.map(redactGitURL)
        self.libgit2Class = libgit2Class
        self.libgit2Code = libgit2Code
    }

    /// `operation (url): code: message [libgit2 class N, code M]`.
    public var description: String {
        var text = operation
        if let url { text += " \(url)" }
        text += ": \(code): \(message)"
        if let libgit2Class, let libgit2Code { text += " [libgit2 class \(libgit2Class), code \(libgit2Code)]" }
        return text
    }

    /// The error libgit2 recorded for `result` on this thread; call it right after the failing call, on the same thread.
    static func last(_ result: Int32, operation: String, url: String? = nil) -> GitError {
        var klass: Int32?
        var message = "libgit2 call failed with code \(result)"
        if let last = git_error_last() {
            klass = last.pointee.klass
            if let text = last.pointee.message { message = String(cString: text) }
        }
        return GitError(
            code: classify(result: result, klass: klass), message: message, operation: operation, url: url,
            libgit2Class: klass, libgit2Code: result)
    }

    /// Maps libgit2's return code and error class onto our codes.
    static func classify(result: Int32, klass: Int32?) -> Code {
        switch result {
        case GIT_ENOTFOUND.rawValue, GIT_EUNBORNBRANCH.rawValue: return .notFound
        case GIT_EAUTH.rawValue: return .authentication
        case GIT_ECERTIFICATE.rawValue: return .certificate
        case GIT_ENONFASTFORWARD.rawValue: return .push
        case GIT_EINVALIDSPEC.rawValue, GIT_EAMBIGUOUS.rawValue: return .invalidReference
        default: break
        }
        switch klass.map({ git_error_t(rawValue: UInt32($0)) }) {
        case GIT_ERROR_NET, GIT_ERROR_HTTP, GIT_ERROR_SSH: return .network
        case GIT_ERROR_SSL: return .certificate
        case GIT_ERROR_OS, GIT_ERROR_FILESYSTEM: return .io
        case GIT_ERROR_REFERENCE: return .invalidReference
        default: return .libgit2
        }
    }
}
