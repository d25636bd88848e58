import Model

/// Why a fix cannot be applied automatically; becomes a `ManualFix` with the message as its reason.
struct FixProblem: Error, Sendable, Hashable {
    /// What kind of problem (growable, like `Diagnostic.Code`).
    struct Code: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
        let rawValue: String
        init(rawValue: String) { self.rawValue = rawValue }
        init(stringLiteral value: String) { self.rawValue = value }

        /// The check declares no fix.
        static let noFix: Code = "no_fix"
        /// The resource or file could not be found or read.
        static let notFound: Code = "not_found"
        /// The value is an expression the planner does not reason about.
        static let unsupportedExpression: Code = "unsupported_expression"
        /// The value is defined outside the repository (no default, a remote module, `-var`).
        static let outsideRepository: Code = "outside_repository"
        /// The edit would change other uses of a shared variable or local.
        static let sharedValue: Code = "shared_value"
        /// A parameter the fix needs (admin CIDR) was not given.
        static let missingParameter: Code = "missing_parameter"
        /// An earlier fix of the same plan changed the same text.
        static let conflict: Code = "conflict"
        /// The edited file does not parse, or the check still does not pass on it.
        static let verificationFailed: Code = "verification_failed"
        /// Nothing in the fix applies to this resource.
        static let notApplicable: Code = "not_applicable"
    }

    var code: Code
    var message: String
    /// Where the problem is, when known.
    var location: SourceRange?

    init(_ code: Code, _ message: String, at location: SourceRange? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }

    /// The reason shown to a person: the message, and where when known.
    var reason: String {
        guard let location else { return message }
        return "\(message) (\(location))"
    }
}
