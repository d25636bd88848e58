/// Why a value is not a policy document, and where in it the problem is.
public struct PolicyParseError: Error, Sendable, CustomStringConvertible {
    /// The closed set of reasons a policy does not parse.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The text is not JSON.
        public static let invalidJSON = Code("invalid_json")
        /// The document, or a statement, is not an object.
        public static let notAnObject = Code("not_an_object")
        /// `Statement` is neither an object nor a list of objects.
        public static let invalidStatement = Code("invalid_statement")
        /// `Effect` is neither `Allow` nor `Deny`.
        public static let invalidEffect = Code("invalid_effect")
        /// A field that holds names (Action, Resource, principal identifiers, condition values) holds something else.
        public static let invalidField = Code("invalid_field")
        /// A statement has both a field and its negation (Action and NotAction, Resource and NotResource, …).
        public static let conflictingFields = Code("conflicting_fields")

        public var description: String { name }
    }

    public let code: Code
    /// Where in the document: `Statement[1].Action`, or `policy` for the whole text.
    public let location: String
    public let message: String
    /// The JSON decoder's error when the text is not JSON.
    public let underlying: (any Error)?

    init(_ code: Code, at location: String, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.location = location
        self.message = message
        self.underlying = underlying
    }

    public var description: String { "\(location): \(message)" }
}
