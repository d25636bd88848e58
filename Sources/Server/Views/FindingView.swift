import Foundation
import Model

/// One result row of a scan as the API shows it (JSON keys in snake_case).
struct FindingView: Encodable, Sendable {
    struct Suppression: Encodable, Sendable {
        var reason: String
        var expires: Date?
    }

    var fingerprint: String
    var checkID: String
    var title: String
    var severity: String
    var verdict: String
    var resourceAddress: String
    var resourceType: String
    var file: String?
    var line: Int?
    var message: String?
    var controls: [String]
    var suppression: Suppression?
    /// new, open, resolved or suppressed; nil for a result that is not a tracked finding.
    var lifecycle: String?
    var firstSeenCommit: String?

    init(_ stored: StoredFinding) {
        fingerprint = stored.fingerprint.hex
        checkID = stored.checkID
        title = stored.title
        severity = stored.severity.rawValue
        verdict = stored.verdict.rawValue
        resourceAddress = stored.resourceAddress
        resourceType = stored.resourceType
        file = stored.file
        line = stored.line
        message = stored.message
        controls = stored.controls
        suppression = stored.suppression.map { Suppression(reason: $0.reason, expires: $0.expires) }
        lifecycle = stored.lifecycle?.rawValue
        firstSeenCommit = stored.firstSeenCommit
    }
}

/// A page of findings with how to fetch the next one.
struct FindingPageView: Encodable, Sendable {
    var scanID: Int64
    var findings: [FindingView]
    var total: Int
    /// Pass as `cursor` for the next page; absent on the last page.
    var nextCursor: String?
    /// With page pagination: this page's number.
    var page: Int?
    var limit: Int
}

extension FindingView {
    /// The view as `JSONBody.encoder` writes it, members in sorted key order.
    func write(to json: inout JSONText) {
        json.openObject()
        json.member("check_id", checkID)
        json.member("controls", controls)
        json.member("file", file)
        json.member("fingerprint", fingerprint)
        json.member("first_seen_commit", firstSeenCommit)
        json.member("lifecycle", lifecycle)
        json.member("line", line)
        json.member("message", message)
        json.member("resource_address", resourceAddress)
        json.member("resource_type", resourceType)
        json.member("severity", severity)
        if let suppression {
            json.key("suppression")
            json.openObject()
            json.member("expires", suppression.expires)
            json.member("reason", suppression.reason)
            json.closeObject()
        }
        json.member("title", title)
        json.member("verdict", verdict)
        json.closeObject()
    }
}

extension FindingPageView {
    /// The page as `JSONBody.encoder` writes it, members in sorted key order.
    func write(to json: inout JSONText) {
        json.openObject()
        json.key("findings")
        json.openArray()
        for finding in findings { finding.write(to: &json) }
        json.closeArray()
        json.member("limit", limit)
        json.member("next_cursor", nextCursor)
        json.member("page", page)
        json.member("scan_id", scanID)
        json.member("total", total)
        json.closeObject()
    }
}
