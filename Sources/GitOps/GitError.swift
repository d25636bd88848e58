import CGit2

/// A failed Git operation: what failed (`code`), libgit2's message and class, the operation and the (redacted) URL.
public struct GitError: Error, Sendable, CustomStringConvertible {
    /// A stable, machine-readable class of failure; a closed set.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case notFound = "not_found"
            case authentication
            case certificate
            case timeout
            case network
            case invalidReference = "invalid_reference"
            case push
            case io
            case libgit2
            case invalidURL = "invalid_url"
            case tooLarge = "too_large"
            case invalidPath = "invalid_path"
            case cancelled
            case invalidArgument = "invalid_argument"
            case insecureTransport = "insecure_transport"
        }

        private let kind: Kind

        private init(_ kind: Kind) { self.kind = kind }

        /// The code's stable name (`not_found`).
        public var rawValue: String { kind.rawValue }
        /// The raw name.
        public var description: String { kind.rawValue }

        /// A repository, reference or object does not exist.
        public static let notFound = Code(.notFound)
        /// The remote refused the credentials, or none were accepted.
        public static let authentication = Code(.authentication)
        /// A TLS certificate or SSH host key was not trusted.
        public static let certificate = Code(.certificate)
        /// The operation ran past its deadline or stall limit.
        public static let timeout = Code(.timeout)
        /// DNS, connection or protocol failure talking to the remote.
        public static let network = Code(.network)
        /// A reference name or revision is not valid.
        public static let invalidReference = Code(.invalidReference)
        /// The remote rejected a push.
        public static let push = Code(.push)
        /// A local file system failure.
        public static let io = Code(.io)
        /// Any other libgit2 failure.
        public static let libgit2 = Code(.libgit2)
        /// The remote URL cannot be used.
        public static let invalidURL = Code(.invalidURL)
        /// A blob or tree exceeds the size limit.
        public static let tooLarge = Code(.tooLarge)
        /// A path escapes the repository or is not valid.
        public static let invalidPath = Code(.invalidPath)
        /// The caller cancelled the operation.
        public static let cancelled = Code(.cancelled)
        /// An argument is out of range or malformed.
        public static let invalidArgument = Code(.invalidArgument)
        /// Credentials would travel unencrypted (plain `http://`) and insecure transport was not allowed.
        public static let insecureTransport = Code(.insecureTransport)
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
    /// The error that caused this one (a file system error), when there was one.
    public var underlying: (any Error)?
    /// Where the error was created (`#fileID`).
    public var file: String
    public var line: Int

    /// An error with the given parts; `message` and `url` are redacted here so no caller can leak a secret.
    public init(
        code: Code, message: String, operation: String, url: String? = nil,
        libgit2Class: Int32? = nil, libgit2Code: Int32? = nil, underlying: (any Error)? = nil,
        file: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.message = redactGitURLs(in: message)
        self.operation = operation
        self.url = url.map(redactGitURL)
        self.libgit2Class = libgit2Class
        self.libgit2Code = libgit2Code
        self.underlying = underlying
        self.file = file
        self.line = line
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
    static func last(
        _ result: Int32, operation: String, url: String? = nil, file: String = #fileID,
        line: Int = #line
    ) -> GitError {
        var klass: Int32?
        var message = "libgit2 call failed with code \(result)"
        if let last = git_error_last() {
            klass = last.pointee.klass
            if let text = last.pointee.message { message = String(cString: text) }
        }
        return GitError(
            code: classify(result: result, klass: klass), message: message, operation: operation, url: url,
            libgit2Class: klass, libgit2Code: result, file: file, line: line)
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
