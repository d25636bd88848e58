import Foundation

/// What a live remediation will do to one resource: the fix, the finding it answers, and the exact calls in order.
/// Stored as the remediation record's `plan` (JSON), so `show` and `apply` read back exactly what was approved.
public struct LivePlan: Sendable, Hashable, Codable {
    public var fixID: String
    public var checkID: String
    /// `aws` or `azure`.
    public var provider: String
    public var resourceType: String
    public var resourceAddress: String
    /// The resource's `LiveOrigin.id` (ARN, account, ARM ID): how verification finds it again.
    public var liveID: String
    public var account: String
    public var region: String?
    /// What the calls do, in one sentence.
    public var summary: String
    public var calls: [LiveAPICall]

    /// Memberwise.
    public init(
        fixID: String, checkID: String, provider: String, resourceType: String, resourceAddress: String,
        liveID: String, account: String, region: String?, summary: String, calls: [LiveAPICall]
    ) {
        self.fixID = fixID
        self.checkID = checkID
        self.provider = provider
        self.resourceType = resourceType
        self.resourceAddress = resourceAddress
        self.liveID = liveID
        self.account = account
        self.region = region
        self.summary = summary
        self.calls = calls
    }

    /// The plan as stable JSON text (sorted keys), the form stored and hashed into the idempotency key.
    public func json() throws(LiveRemediationError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        } catch {
            throw LiveRemediationError(
                .invalidPlan, "plan cannot be encoded", checkID: checkID,
                resource: resourceAddress, underlying: error)
        }
    }

    /// The plan without undo calls: what the idempotency key hashes, so the key names what will be changed (the
    /// same as before undo calls existed) and not the discovered state the undo calls restore.
    public func withoutUndo() -> LivePlan {
        var copy = self
        copy.calls = calls.map { call in
            var bare = call
            bare.undo = nil
            bare.noUndo = nil
            return bare
        }
        return copy
    }

    /// Decodes a stored plan; a plan stored before undo calls existed decodes with none.
    public static func decode(_ text: String, remediationID: Int64?) throws(LiveRemediationError) -> LivePlan {
        do {
            return try JSONDecoder().decode(LivePlan.self, from: Data(text.utf8))
        } catch {
            throw LiveRemediationError(
                .invalidPlan,
                "stored plan of remediation \(remediationID.map(String.init) ?? "?") "
                    + "is not a live plan", underlying: error)
        }
    }
}
