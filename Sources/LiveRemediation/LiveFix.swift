import Model

/// What a fix is told about the finding it answers.
public struct LiveFixContext: Sendable {
    public var checkID: String
    public var resource: Resource
    public var origin: Resource.LiveOrigin
    /// The target's admin CIDR, put in place of 0.0.0.0/0 on admin ports when configured.
    public var adminCIDR: String?

    /// Memberwise.
    public init(checkID: String, resource: Resource, origin: Resource.LiveOrigin, adminCIDR: String?) {
        self.checkID = checkID
        self.resource = resource
        self.origin = origin
        self.adminCIDR = adminCIDR
    }

    /// A string attribute of the resource.
    func string(_ name: String) -> String? { resource.attributes[name]?.stringValue }
}

/// A live fix: for the checks it answers, the exact API calls that make the live resource pass.
public struct LiveFix: Sendable {
    /// Stable identifier (`aws-s3-public-access-block`).
    public let id: String
    public let provider: String
    /// Check IDs this fix answers.
    public let checkIDs: Set<String>
    /// Resource types it applies to.
    public let resourceTypes: Set<String>
    /// What the calls do.
    public let summary: String
    let build: @Sendable (LiveFixContext) throws(LiveRemediationError) -> [LiveAPICall]

    /// Creates a fix whose calls `build` derives from the finding.
    public init(
        id: String, provider: String, checkIDs: Set<String>, resourceTypes: Set<String>, summary: String,
        build: @escaping @Sendable (LiveFixContext) throws(LiveRemediationError) -> [LiveAPICall]
    ) {
        self.id = id
        self.provider = provider
        self.checkIDs = checkIDs
        self.resourceTypes = resourceTypes
        self.summary = summary
        self.build = build
    }

    /// The plan for one failed finding.
    public func plan(_ context: LiveFixContext) throws(LiveRemediationError) -> LivePlan {
        guard resourceTypes.contains(context.resource.type) else {
            throw LiveRemediationError(
                .unsupportedResource, "fix \(id) does not apply to \(context.resource.type)",
                checkID: context.checkID, resource: context.resource.address)
        }
        let calls = try build(context)
        guard !calls.isEmpty else {
            throw LiveRemediationError(
                .unsupportedResource, "fix \(id) found nothing to change",
                checkID: context.checkID, resource: context.resource.address)
        }
        return LivePlan(
            fixID: id, checkID: context.checkID, provider: provider, resourceType: context.resource.type,
            resourceAddress: context.resource.address, liveID: context.origin.id,
            account: context.origin.account, region: context.origin.region, summary: summary, calls: calls)
    }
}

/// The live fixes, keyed by check ID.
public struct LiveFixCatalog: Sendable {
    private let byCheck: [String: LiveFix]

    /// A catalog of `fixes`; a check answered by two fixes keeps the first.
    public init(_ fixes: [LiveFix]) {
        var byCheck: [String: LiveFix] = [:]
        for fix in fixes {
            for check in fix.checkIDs where byCheck[check] == nil { byCheck[check] = fix }
        }
        self.byCheck = byCheck
    }

    /// Every AWS and Azure fix Bulwark ships.
    public static let standard = LiveFixCatalog(AWSLiveFixes.all + AzureLiveFixes.all)

    /// The fix for `checkID`, if any.
    public func fix(for checkID: String) -> LiveFix? { byCheck[checkID] }

    /// Check IDs with a live fix, sorted.
    public var checkIDs: [String] { byCheck.keys.sorted() }

    /// Distinct fixes, sorted by ID.
    public var fixes: [LiveFix] {
        var seen: Set<String> = []
        return byCheck.values.sorted { $0.id < $1.id }.filter { seen.insert($0.id).inserted }
    }
}
