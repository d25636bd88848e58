/// A problem found while loading or evaluating input: always says where, never crashes the caller.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable, machine-readable class of problem; new codes can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }

        public static let syntax: Code = "syntax"
        public static let invalidUTF8: Code = "invalid_utf8"
        public static let binaryFile: Code = "binary_file"
        public static let fileTooLarge: Code = "file_too_large"
        public static let tooDeep: Code = "nesting_too_deep"
        public static let io: Code = "io"
        public static let evaluation: Code = "evaluation"
        public static let unknownFunction: Code = "unknown_function"
        public static let function: Code = "function"
        public static let typeMismatch: Code = "type_mismatch"
        public static let unknownReference: Code = "unknown_reference"
        public static let cycle: Code = "cycle"
        public static let limitExceeded: Code = "limit_exceeded"
        public static let moduleNotLoaded: Code = "module_not_loaded"
        public static let invalidPlan: Code = "invalid_plan"
        public static let invalidState: Code = "invalid_state"
        public static let duplicate: Code = "duplicate"
        public static let unsupported: Code = "unsupported"
        /// A read (file function, module source, configuration file) refused because it leads outside the
        /// directories the scan may read.
        public static let outsideReadRoots: Code = "outside_read_roots"
    }

    /// Whether the problem stops the thing it is about from loading.
    public enum Severity: String, Hashable, Sendable, Codable {
        case error
        case warning
    }

    public var code: Code
    public var severity: Severity
    public var message: String
    public var range: SourceRange?

    public init(_ code: Code, _ message: String, at range: SourceRange?, severity: Severity = .error) {
        self.code = code
        self.severity = severity
        self.message = message
        self.range = range
    }

    /// `file:line:column: error: message`, as compilers print it.
    public var description: String {
        let prefix = range.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message)"
    }
}

/// A thrown bundle of diagnostics, for APIs that stop at the first fatal problem but report all they saw.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
