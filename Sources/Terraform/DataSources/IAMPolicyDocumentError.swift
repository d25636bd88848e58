/// Why the AWS provider would refuse an `aws_iam_policy_document`'s arguments (Terraform's plan stops there, so the
/// document stays unknown and the problem becomes a load warning).
struct IAMPolicyDocumentError: Error, Sendable, CustomStringConvertible {
    /// The class of problem.
    struct Code: Hashable, Sendable, CustomStringConvertible {
        let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }
        var description: String { rawValue }

        /// Two statements share a Sid where the provider requires Sids to be unique.
        static let duplicateSid = Code("duplicate_sid")
        /// A source or override document is not JSON.
        static let invalidJSON = Code("invalid_json")
        /// A source or override document is JSON but not a policy the provider's model can read.
        static let invalidDocument = Code("invalid_document")
        /// An argument has a type or value the data source's schema does not accept.
        static let invalidArgument = Code("invalid_argument")
    }

    let code: Code
    let message: String
    /// The argument the problem is in, as Terraform would name it (`statement[1].resources`).
    let location: String
    /// The underlying problem, when there is one (the JSON parser's diagnostic).
    let cause: (any Error & Sendable)?

    init(_ code: Code, _ message: String, at location: String, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.cause = cause
    }

    var description: String {
        let because = cause.map { " (\($0))" } ?? ""
        return "\(location): \(message)\(because)"
    }
}
