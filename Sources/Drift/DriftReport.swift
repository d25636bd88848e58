import Model

/// One attribute whose live value differs from the desired (state) value.
public struct DriftChange: Sendable, Hashable {
    /// Resource type, e.g. `aws_s3_bucket`.
    public var type: String
    /// The desired resource's address, e.g. `module.logs.aws_s3_bucket.b`.
    public var address: String
    /// The provider ID the two sides were matched on.
    public var id: String
    /// Attribute path with list indices, e.g. `versioning[0].enabled`.
    public var attribute: String
    /// The value in state (or plan).
    public var desired: Value
    /// The value discovered live.
    public var live: Value

    /// A change.
    public init(type: String, address: String, id: String, attribute: String, desired: Value, live: Value) {
        self.type = type
        self.address = address
        self.id = id
        self.attribute = attribute
        self.desired = desired
        self.live = live
    }
}

/// A resource present on one side only: missing (in state, gone live) or unmanaged (live, in no state).
public struct DriftResourceRef: Sendable, Hashable {
    /// Resource type.
    public var type: String
    /// The state address; nil for unmanaged live resources, which no configuration names.
    public var address: String?
    /// The provider ID (state `id`, or the live ARN / resource ID).
    public var id: String
    /// Account or subscription of a live resource, when known.
    public var account: String?
    /// Region of a live resource, when known.
    public var region: String?

    /// A reference.
    public init(type: String, address: String?, id: String, account: String? = nil, region: String? = nil) {
        self.type = type
        self.address = address
        self.id = id
        self.account = account
        self.region = region
    }
}

/// A resource the configuration declares that the state does not hold: not yet applied, so it has no provider ID
/// to match live and is neither missing nor unmanaged.
public struct DriftPendingResource: Sendable, Hashable {
    /// Resource type.
    public var type: String
    /// The configuration address, e.g. `module.logs.aws_s3_bucket.b["x"]`.
    public var address: String
    /// The `.tf` file (or plan file) that declares it.
    public var file: String?
    /// The block's first line in `file`; nil when only the plan file is known.
    public var line: Int?

    /// A pending resource.
    public init(type: String, address: String, file: String?, line: Int?) {
        self.type = type
        self.address = address
        self.file = file
        self.line = line
    }

    /// `file:line`, `file`, or "" when the declaration's place is unknown.
    public var location: String {
        guard let file else { return "" }
        return line.map { "\(file):\($0)" } ?? file
    }
}

/// The result of comparing desired resources with live ones.
public struct DriftReport: Sendable, Hashable {
    /// Attribute-level differences of matched resources, sorted by address then attribute.
    public var changed: [DriftChange]
    /// Resources in state whose live object was not found (only for types discovery covered).
    public var missing: [DriftResourceRef]
    /// Live resources that no state resource matches.
    public var unmanaged: [DriftResourceRef]
    /// Configuration resources not yet in the state (not yet applied), sorted by address.
    public var pending: [DriftPendingResource]
    /// Live resources matched to a state resource.
    public var managedCount: Int
    /// Live resources considered (after `.bulwarkignore`).
    public var liveCount: Int
    /// Problems met: ignore-file lines, duplicate IDs, state resources without an ID.
    public var diagnostics: [Diagnostic]
    /// Desired resources whose live settings were not read, sorted by address: their drift is unknown.
    public var notRead: [DriftNotRead] = []

    /// A report.
    public init(
        changed: [DriftChange] = [], missing: [DriftResourceRef] = [], unmanaged: [DriftResourceRef] = [],
        pending: [DriftPendingResource] = [], managedCount: Int = 0, liveCount: Int = 0,
        diagnostics: [Diagnostic] = []
    ) {
        self.changed = changed
        self.missing = missing
        self.unmanaged = unmanaged
        self.pending = pending
        self.managedCount = managedCount
        self.liveCount = liveCount
        self.diagnostics = diagnostics
    }

    /// Managed / total live resources, 0…1; 1 when nothing live was considered (nothing escapes management).
    public var coverage: Double {
        liveCount == 0 ? 1 : Double(managedCount) / Double(liveCount)
    }

    /// True when anything changed, went missing, is unmanaged or is pending (the configuration is not applied).
    public var hasDrift: Bool { !changed.isEmpty || !missing.isEmpty || !unmanaged.isEmpty || !pending.isEmpty }

    /// Addresses of the resources with at least one changed attribute.
    public var changedAddresses: Set<String> { Set(changed.map(\.address)) }
}

extension Diagnostic.Code {
    /// A `.bulwarkignore` line or drift data file entry that cannot be read.
    public static let invalidIgnoreRule: Diagnostic.Code = "invalid_ignore_rule"
    /// A resource that cannot take part in drift matching (no ID, duplicate ID).
    public static let driftMatching: Diagnostic.Code = "drift_matching"
    /// The Terraform backend configuration cannot be turned into a state location.
    public static let invalidBackend: Diagnostic.Code = "invalid_backend"
    /// The remote state object could not be fetched.
    public static let stateFetch: Diagnostic.Code = "state_fetch"
}
