/// Normalises Azure Activity Log records — the REST `management/values` shape and the storage-export shape —
/// into `ActivityEvent`s. Operation names are lower-cased (the export upper-cases them, the API does not).
enum AzureActivityRecord {
    static let restFields: Set<String> = [
        "authorization", "caller", "channels", "claims", "correlationId", "description", "eventDataId", "eventName",
        "category", "httpRequest", "id", "level", "resourceGroupName", "resourceProviderName", "resourceId",
        "resourceType", "operationId", "operationName", "properties", "status", "subStatus", "eventTimestamp",
        "submissionTimestamp", "subscriptionId", "tenantId",
    ]
    static let exportFields: Set<String> = [
        "time", "resourceId", "operationName", "category", "resultType", "resultSignature", "durationMs",
        "callerIpAddress", "correlationId", "identity", "level", "location", "properties", "tenantId",
        "operationVersion", "resultDescription", "evidence",
    ]
    static let upnClaim = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"
    static let nameClaim = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"
    static let objectIDClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier"

    /// One element of the REST response's `value` array.
    static func restEvent(_ r: JSONFields) -> RecordResult {
        guard let timeText = r.string("eventTimestamp") else { return .malformed("missing eventTimestamp") }
        guard let time = Timestamp.parse(timeText) else { return .malformed("invalid eventTimestamp \"\(timeText.prefix(40))\"") }
        guard let operation = r.localized("operationName") else { return .malformed("missing operationName") }
        let status = r.localized("status") ?? ""
        if isStartedHalf(status) { return .skipped }
        let claims = r.child("claims")
        guard let (principal, type) = principal(caller: r.string("caller"), claims: claims) else {
            return .malformed("no caller or identity claims")
        }
        let failed = status.lowercased() == "failed"
        let errorCode = failed ? (r.localized("subStatus").flatMap { $0.isEmpty ? nil : $0 } ?? "Failed") : nil
        return .event(
            build(
                time: time, operation: operation, principal: principal, type: type,
                subscription: r.string("subscriptionId") ?? subscription(of: r.string("resourceId")),
                ip: r.child("httpRequest")?.string("clientIpAddress") ?? "", region: "global", errorCode: errorCode,
                resource: r.string("resourceId"), properties: r.object["properties"], claims: claims),
            unknownFields: r.object.keys.filter { !restFields.contains($0) })
    }

    /// One record of a storage-account export (a JSON line, or an element of `records`).
    static func exportEvent(_ r: JSONFields) -> RecordResult {
        guard let timeText = r.string("time") else { return .malformed("missing time") }
        guard let time = Timestamp.parse(timeText) else { return .malformed("invalid time \"\(timeText.prefix(40))\"") }
        guard let operation = r.string("operationName") ?? r.localized("operationName") else {
            return .malformed("missing operationName")
        }
        let result = r.string("resultType") ?? ""
        if isStartedHalf(result) { return .skipped }
        let identity = r.child("identity")
        let claims = identity?.child("claims")
        let caller = claims?.string(upnClaim) ?? r.child("properties")?.string("caller")
        guard let (principal, type) = principal(caller: caller, claims: claims) else {
            return .malformed("no caller or identity claims")
        }
        let failed = result.lowercased() == "failure" || result.lowercased() == "failed"
        var errorCode: String?
        if failed {
            let signature = r.string("resultSignature") ?? ""
            errorCode = signature.isEmpty ? "Failed" : signature
        }
        return .event(
            build(
                time: time, operation: operation, principal: principal, type: type,
                subscription: subscription(of: r.string("resourceId")), ip: r.string("callerIpAddress") ?? "",
                region: r.string("location") ?? "global", errorCode: errorCode, resource: r.string("resourceId"),
                properties: r.object["properties"], claims: claims),
            unknownFields: r.object.keys.filter { !exportFields.contains($0) })
    }

    /// Azure logs an operation twice (started, then succeeded/failed); only the outcome is an event.
    static func isStartedHalf(_ status: String) -> Bool {
        let s = status.lowercased()
        return s == "started" || s == "start" || s == "accepted" || s == "accept"
    }

    static func principal(caller: String?, claims: JSONFields?) -> (String, ActivityEvent.PrincipalType)? {
        if let upn = claims?.string(upnClaim), !upn.isEmpty { return (upn.lowercased(), .user) }
        if let caller, !caller.isEmpty {
            // A GUID caller is an application (service principal or managed identity).
            let isGUID = caller.count == 36 && caller.filter { $0 == "-" }.count == 4
            return (caller.lowercased(), isGUID ? .servicePrincipal : .user)
        }
        if let app = claims?.string("appid") { return (app.lowercased(), .servicePrincipal) }
        if let name = claims?.string(nameClaim) ?? claims?.string(objectIDClaim) { return (name.lowercased(), .unknown) }
        return nil
    }

    static func subscription(of resourceID: String?) -> String {
        guard let parts = resourceID?.split(separator: "/"), let i = parts.firstIndex(where: { $0.lowercased() == "subscriptions" }),
            i + 1 < parts.count
        else { return "" }
        return String(parts[i + 1]).lowercased()
    }

    static func build(
        time: Double, operation: String, principal: String, type: ActivityEvent.PrincipalType, subscription: String,
        ip: String, region: String, errorCode: String?, resource: String?, properties: Any?, claims: JSONFields?
    ) -> ActivityEvent {
        let action = operation.lowercased()
        let provider = action.split(separator: "/").first.map(String.init) ?? action
        let mfa: Bool? = claims?.string("http://schemas.microsoft.com/claims/authnmethodsreferences").map {
            $0.lowercased().contains("mfa")
        }
        var errorCode = errorCode
        if let code = errorCode, code.lowercased().contains("forbidden") || code.lowercased().contains("authorizationfailed") {
            errorCode = "AuthorizationFailed"
        }
        return ActivityEvent(
            time: time, cloud: .azure, account: subscription, principal: principal, principalType: type,
            action: action, service: provider, region: region.lowercased(), sourceIP: ip, userAgent: "",
            errorCode: errorCode, readOnly: action.hasSuffix("/read"), resource: resource?.lowercased(), mfa: mfa,
            consoleLogin: false, request: JSONFields.flatten(properties, maxEntries: 32))
    }
}
