import Model

/// One attribute that differs between two sides: live against the state (`drifted`: someone changed the cloud) or
/// the code against the state (`pending`: an apply is needed).
public struct DriftChange: Sendable, Hashable {
    /// Which two sides differ.
    public enum Kind: String, Sendable, Hashable {
        /// Live differs from the last applied state: revert the cloud, or adopt the change in the code.
        case drifted
        /// The code differs from the state: apply.
        case pending
    }

    /// Resource type, e.g. `aws_s3_bucket`.
    public var type: String
    /// The desired resource's address, e.g. `module.logs.aws_s3_bucket.b`.
    public var address: String
    /// The provider ID the two sides were matched on.
    public var id: String
    /// Attribute path with list indices, e.g. `versioning[0].enabled`.
    public var attribute: String
    /// `drifted`: the state's value; `pending`: the code's value.
    public var desired: Value
    /// `drifted`: the value discovered live; `pending`: the state's value.
    public var live: Value
    /// Which two sides differ.
    public var kind: Kind

    /// A change.
    public init(type: String, address: String, id: String, attribute: String, desired: Value, live: Value, kind: Kind = .drifted) {
        self.type = type
        self.address = address
        self.id = id
        self.attribute = attribute
        self.desired = desired
        self.live = live
        self.kind = kind
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

/// A resource the code and the state disagree on as a whole: declared but not yet applied (no provider ID to
/// match live, so neither missing nor unmanaged), or removed from the code while the state still holds it.
public struct DriftPendingResource: Sendable, Hashable {
    /// What an apply would do.
    public enum Action: String, Sendable, Hashable {
        /// In the code, not in the state.
        case create
        /// In the state, removed from the code.
        case destroy
    }

    /// Resource type.
    public var type: String
    /// The configuration address, e.g. `module.logs.aws_s3_bucket.b["x"]`.
    public var address: String
    /// The `.tf` file (or plan file) that declares it.
    public var file: String?
    /// The block's first line in `file`; nil when only the plan file is known.
    public var line: Int?
    /// What an apply would do.
    public var action: Action
    /// The provider ID the state holds (`destroy` only).
    public var id: String?

    /// A pending resource.
    public init(type: String, address: String, file: String?, line: Int?, action: Action = .create, id: String? = nil) {
        self.type = type
        self.address = address
        self.file = file
        self.line = line
        self.action = action
        self.id = id
    }

    /// `file:line`, `file`, or "" when the declaration's place is unknown.
    public var location: String {
        guard let file else { return "" }
        return line.map { "\(file):\($0)" } ?? file
    }
}

/// The result of comparing desired resources with live ones.
public struct DriftReport: Sendable, Hashable {
    /// Attribute-level differences between live and the state (`drifted`), sorted by address then attribute.
    public var changed: [DriftChange]
    /// Attribute-level differences between the code and the state (`pending`), sorted by address then attribute.
    public var pendingChanges: [DriftChange] = []
    /// Live resources left out as provider-managed defaults (default VPC, default groups, root volumes, …).
    public var defaults: [DriftResourceRef] = []
    /// Resources in state whose live object was not found (only for types discovery covered).
    public var missing: [DriftResourceRef]
    /// Live resources that no state resource matches.
    public var unmanaged: [DriftResourceRef]
    /// Resources in the code only (`create`) or in the state only (`destroy`), sorted by address.
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
    public var hasDrift: Bool { hasLiveDrift || hasPending }

    /// True when the cloud differs from the state: drifted attributes, missing or unmanaged resources.
    public var hasLiveDrift: Bool { !changed.isEmpty || !missing.isEmpty || !unmanaged.isEmpty }

    /// True when the code differs from the state: an apply is needed.
    public var hasPending: Bool { !pendingChanges.isEmpty || !pending.isEmpty }

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
