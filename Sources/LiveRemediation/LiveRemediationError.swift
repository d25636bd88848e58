/// A live remediation failure, with the check, resource and (for calls) the API it happened in.
public struct LiveRemediationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong; growable like `Diagnostic.Code`.
    public struct Code: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
        public var rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Creates a code from a literal.
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }

        /// No live fix is registered for the check.
        public static let noLiveFix: Code = "no_live_fix"
        /// The resource lacks what the fix needs (a bucket name, a failing rule, a live origin).
        public static let unsupportedResource: Code = "unsupported_resource"
        /// A stored plan cannot be decoded or encoded.
        public static let invalidPlan: Code = "invalid_plan"
        /// A cloud call failed during apply.
        public static let callFailed: Code = "call_failed"
        /// No client for the plan's cloud was configured.
        public static let noCloudClient: Code = "no_cloud_client"
        /// The remediation does not exist.
        public static let notFound: Code = "not_found"
        /// The remediation is not in a state that allows the operation.
        public static let wrongState: Code = "wrong_state"
        /// The re-read after apply failed.
        public static let verificationFailed: Code = "verification_failed"
    }

    public var code: Code
    public var message: String
    public var checkID: String?
    /// Resource address or live ID.
    public var resource: String?
    /// `service:Action` of the failing call.
    public var api: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, checkID: String? = nil, resource: String? = nil, api: String? = nil) {
        self.code = code
        self.message = message
        self.checkID = checkID
        self.resource = resource
        self.api = api
    }

    public var description: String {
        var parts = ["\(code)"]
        if let api { parts.append(api) }
        if let checkID { parts.append(checkID) }
        if let resource { parts.append("[\(resource)]") }
        return parts.joined(separator: " ") + ": " + message
    }
}
