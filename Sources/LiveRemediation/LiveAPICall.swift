import Foundation

/// One cloud API call a live fix makes, exactly as it will be sent: dry-run prints it, apply executes it.
public struct LiveAPICall: Sendable, Hashable, Codable {
    /// How the call is sent (which client protocol carries it).
    public enum Wire: String, Sendable, Hashable, Codable {
        /// AWS query protocol (EC2, IAM): `action` with form `parameters`.
        case awsQuery = "aws-query"
        /// AWS json-1.1 protocol (KMS, CloudTrail): `action` is the operation, `body` the JSON document.
        case awsJSON = "aws-json"
        /// S3 REST: `method` on bucket `path` with the `parameters` as query string and an XML `body`.
        case awsS3 = "aws-s3"
        /// Azure Resource Manager write: `method` (PATCH/PUT) on the ARM ID in `path` with a JSON `body`.
        case arm
    }

    public var wire: Wire
    /// AWS service id (`ec2`, `s3`) or the ARM resource type whose api-version is used.
    public var service: String
    /// The region the call goes to (nil: the client's default or a global API).
    public var region: String?
    /// The API action / operation name (`RevokeSecurityGroupIngress`, `PutBucketEncryption`, `PATCH`).
    public var action: String
    /// HTTP method.
    public var method: String
    /// Bucket name (S3), ARM ID (Azure), or `/` for query/json calls.
    public var path: String
    /// Form parameters (query protocol) or query-string parameters (S3).
    public var parameters: [String: String]
    /// Request body text (JSON or XML), when the call has one.
    public var body: String?
    /// The calls that put back what this one changes, computed at plan time from the discovered state; a failed
    /// apply runs them (newest completed call first). nil: no undo is known — `noUndo` says why, and a plan stored
    /// before undo calls existed has neither. Optional so older plans still decode and hash as they did.
    public var undo: [LiveAPICall]?
    /// Why the call has no undo (irreversible by the cloud's design, or the previous state is not known).
    public var noUndo: String?

    /// Memberwise.
    public init(
        wire: Wire, service: String, region: String?, action: String, method: String = "POST", path: String = "/",
        parameters: [String: String] = [:], body: String? = nil, undo: [LiveAPICall]? = nil,
        noUndo: String? = nil
    ) {
        self.wire = wire
        self.service = service
        self.region = region
        self.action = action
        self.method = method
        self.path = path
        self.parameters = parameters
        self.body = body
        self.undo = undo
        self.noUndo = noUndo
    }

    /// This call with `calls` as its undo.
    public func undone(by calls: LiveAPICall...) -> LiveAPICall {
        var copy = self
        copy.undo = calls
        copy.noUndo = nil
        return copy
    }

    /// This call marked as having no undo, for `reason`.
    public func irreversible(_ reason: String) -> LiveAPICall {
        var copy = self
        copy.undo = nil
        copy.noUndo = reason
        return copy
    }

    /// `service:Action`, how errors and summaries name the call.
    public var api: String { "\(service):\(action)" }

    /// The undo for dry-run output and audit details: the calls, or why there are none.
    public var renderedUndo: String {
        if let undo {
            return undo.isEmpty ? "undo: nothing to undo" : "undo: " + undo.map(\.rendered).joined(separator: "; ")
        }
        return "undo: none (\(noUndo ?? "the plan records no undo; it predates undo calls"))"
    }

    /// One line per call for dry-run output and audit details, parameters sorted so output is stable.
    public var rendered: String {
        var line = "\(service) \(action) \(method) \(path)"
        if let region { line += " region=\(region)" }
        for (key, value) in parameters.sorted(by: { $0.key < $1.key }) { line += " \(key)=\(value)" }
        if let body { line += " body=\(body)" }
        return line
    }
}
