/// Normalises one CloudTrail record (`Records[i]` of a log file) into an `ActivityEvent`.
enum CloudTrailRecord {
    /// Top-level fields of the CloudTrail record schema (event version 1.x); others are counted as unknown.
    static let knownFields: Set<String> = [
        "eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion", "sourceIPAddress",
        "userAgent", "errorCode", "errorMessage", "requestParameters", "responseElements", "additionalEventData",
        "requestID", "eventID", "readOnly", "resources", "eventType", "apiVersion", "managementEvent",
        "recipientAccountId", "serviceEventDetails", "sharedEventID", "vpcEndpointId", "vpcEndpointAccountId",
        "eventCategory", "addendum", "sessionCredentialFromConsole", "edgeDeviceDetails", "tlsDetails",
        "insightDetails",
    ]

    /// Request parameters that name the resource acted on, most specific first.
    static let resourceParameters = [
        "secretId", "bucketName", "userName", "roleName", "snapshotId", "instanceId", "groupId", "policyArn", "keyId",
        "name", "trailName", "functionName",
    ]

    static func event<Fields: RecordFields>(_ r: Fields) -> RecordResult {
        guard let timeText = r.string("eventTime") else { return .malformed("missing eventTime") }
        guard let time = Timestamp.parse(timeText) else { return .malformed("invalid eventTime \"\(timeText.prefix(40))\"") }
        guard let action = r.string("eventName"), !action.isEmpty else { return .malformed("missing eventName") }
        guard let identity = r.child("userIdentity") else { return .malformed("missing userIdentity") }
        let account = r.string("recipientAccountId") ?? identity.string("accountId") ?? ""
        guard let (principal, type) = principal(identity, account: account) else {
            return .malformed("userIdentity names no principal")
        }
        let source = r.string("eventSource") ?? ""
        let service = source.hasSuffix(".amazonaws.com") ? String(source.dropLast(14)) : source
        let consoleLogin = action == "ConsoleLogin"
        var mfa = identity.child("sessionContext")?.child("attributes")?.bool("mfaAuthenticated")
        if let used = r.child("additionalEventData")?.string("MFAUsed") { mfa = used == "Yes" }
        var errorCode = r.string("errorCode")
        if consoleLogin, errorCode == nil, r.child("responseElements")?.string("ConsoleLogin") == "Failure" {
            errorCode = "Failure"
        }
        let readOnly = r.bool("readOnly") ?? Self.looksReadOnly(action)
        let request = r.flattened("requestParameters")
        let response = r.flattened("responseElements")
        var resource: String?
        if let arn = r.firstObject(in: "resources")?.string("ARN") { resource = arn }
        if resource == nil, let params = r.child("requestParameters") {
            resource = resourceParameters.lazy.compactMap { params.string($0) }.first
        }
        let unknown = r.keys(notIn: knownFields)
        return .event(
            ActivityEvent(
                time: time, cloud: .aws, account: account, principal: principal, principalType: type,
                action: action, service: service, region: r.string("awsRegion") ?? "", sourceIP: r.string("sourceIPAddress") ?? "",
                userAgent: r.string("userAgent") ?? "", errorCode: errorCode, readOnly: readOnly, resource: resource,
                mfa: mfa, consoleLogin: consoleLogin, request: request, response: response),
            unknownFields: unknown)
    }

    /// Sessions collapse to the role that issued them, so a principal's history spans its sessions.
    static func principal<Fields: RecordFields>(_ identity: Fields, account: String) -> (String, ActivityEvent.PrincipalType)? {
        let arn = identity.string("arn")
        switch identity.string("type") ?? "" {
        case "Root":
            return ("arn:aws:iam::\(identity.string("accountId") ?? account):root", .root)
        case "IAMUser":
            guard let name = arn ?? identity.string("userName") else { return nil }
            return (name, .user)
        case "AssumedRole":
            let issuer = identity.child("sessionContext")?.child("sessionIssuer")
            guard let name = issuer?.string("arn") ?? arn else { return nil }
            return (name, .role)
        case "FederatedUser":
            guard let name = arn ?? identity.string("principalId") else { return nil }
            return (name, .federated)
        case "AWSService":
            guard let name = identity.string("invokedBy") else { return nil }
            return (name, .service)
        default:
            if let name = arn ?? identity.string("userName") ?? identity.string("principalId") { return (name, .unknown) }
            // Calls AWS services make on their own name only the service (`invokedBy`), with no type at all.
            guard let service = identity.string("invokedBy") else { return nil }
            return (service, .service)
        }
    }

    /// CloudTrail marks read-only calls itself; for records without the flag, the verb decides.
    static func looksReadOnly(_ action: String) -> Bool {
        action.hasPrefix("Get") || action.hasPrefix("List") || action.hasPrefix("Describe") || action.hasPrefix("Head")
            || action.hasPrefix("Lookup")
    }
}
