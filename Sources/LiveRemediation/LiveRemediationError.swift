/// A live remediation failure, with the check, resource and (for calls) the API it happened in, the error that
/// caused it (a cloud client's, a codec's) and where it was raised.
public struct LiveRemediationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong; a closed set.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case noLiveFix = "no_live_fix"
            case unsupportedResource = "unsupported_resource"
            case invalidPlan = "invalid_plan"
            case callFailed = "call_failed"
            case noCloudClient = "no_cloud_client"
            case notFound = "not_found"
            case wrongState = "wrong_state"
            case verificationFailed = "verification_failed"
        }

        private let kind: Kind

        private init(_ kind: Kind) { self.kind = kind }

        /// The code's stable name (`call_failed`).
        public var rawValue: String { kind.rawValue }
        public var description: String { kind.rawValue }

        /// No live fix is registered for the check.
        public static let noLiveFix = Code(.noLiveFix)
        /// The resource lacks what the fix needs (a bucket name, a failing rule, a live origin).
        public static let unsupportedResource = Code(.unsupportedResource)
        /// A stored plan cannot be decoded or encoded.
        public static let invalidPlan = Code(.invalidPlan)
        /// A cloud call failed during apply.
        public static let callFailed = Code(.callFailed)
        /// No client for the plan's cloud was configured.
        public static let noCloudClient = Code(.noCloudClient)
        /// The remediation does not exist.
        public static let notFound = Code(.notFound)
        /// The remediation is not in a state that allows the operation.
        public static let wrongState = Code(.wrongState)
        /// The re-read after apply failed.
        public static let verificationFailed = Code(.verificationFailed)
    }

    public var code: Code
    /// What failed, in our words; the cause's own text is in `underlying`.
    public var message: String
    public var checkID: String?
    /// Resource address or live ID.
    public var resource: String?
    /// `service:Action` of the failing call.
    public var api: String?
    /// The error that caused this one (`AWSError`, `AzureError`, `DecodingError`, …).
    public var underlying: (any Error)?
    /// Where the error was created (`#fileID`).
    public var file: String
    public var line: Int

    /// Creates an error.
    public init(
        _ code: Code, _ message: String, checkID: String? = nil, resource: String? = nil, api: String? = nil,
        underlying: (any Error)? = nil, file: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.checkID = checkID
        self.resource = resource
        self.api = api
        self.underlying = underlying
        self.file = file
        self.line = line
    }

    /// Equal when code, message and context agree; the cause and the location do not count.
    public static func == (lhs: LiveRemediationError, rhs: LiveRemediationError) -> Bool {
        (lhs.code, lhs.message, lhs.checkID, lhs.resource, lhs.api) == (rhs.code, rhs.message, rhs.checkID, rhs.resource, rhs.api)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
        hasher.combine(checkID)
        hasher.combine(resource)
        hasher.combine(api)
    }

    /// `code api checkID [resource]: message: cause`.
    public var description: String {
        var parts = ["\(code)"]
        if let api { parts.append(api) }
        if let checkID { parts.append(checkID) }
        if let resource { parts.append("[\(resource)]") }
        let detail = [message, underlying.map { "\($0)" } ?? ""].filter { !$0.isEmpty }.joined(separator: ": ")
        return parts.joined(separator: " ") + ": " + detail
    }
}
