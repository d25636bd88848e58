import Model

/// A Terraform plan as written by `terraform show -json plan.out`, in Bulwark's model.
public struct PlanDocument: Sendable {
    /// The JSON format version, e.g. `1.2`; empty when the file had none.
    public var formatVersion: String
    /// The Terraform version that wrote the plan, when recorded.
    public var terraformVersion: String?
    /// Every resource instance as it will be after apply (`planned_values`), with unknown attributes as `.unknown`
    /// and references taken from `configuration`.
    public var resources: [Resource]
    /// The planned change of every resource instance (`resource_changes`).
    public var changes: [ResourceChange]
    /// Changes Terraform detected outside of Terraform since the last run (`resource_drift`).
    public var drift: [ResourceChange]
    /// Root module outputs as planned.
    public var outputs: [String: PlanOutput]
    /// Input variable values the plan was made with.
    public var variables: [String: Value]
    /// True when Terraform reported that planning stopped on an error (the plan may be partial).
    public var errored: Bool
    /// Problems found while reading; the document holds everything that could be read regardless.
    public var diagnostics: [Diagnostic]

    /// An empty document (used when the file could not be read at all).
    public init(
        formatVersion: String = "", terraformVersion: String? = nil, resources: [Resource] = [],
        changes: [ResourceChange] = [], drift: [ResourceChange] = [], outputs: [String: PlanOutput] = [:],
        variables: [String: Value] = [:], errored: Bool = false, diagnostics: [Diagnostic] = []
    ) {
        self.formatVersion = formatVersion
        self.terraformVersion = terraformVersion
        self.resources = resources
        self.changes = changes
        self.drift = drift
        self.outputs = outputs
        self.variables = variables
        self.errored = errored
        self.diagnostics = diagnostics
    }

    /// True when the plan was read without errors.
    public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }

    /// The change for one instance address (the current object, not a deposed one).
    public func change(for address: String) -> ResourceChange? {
        changes.first { $0.address == address && $0.deposed == nil }
    }
}

/// The planned change of one resource instance.
public struct ResourceChange: Sendable, Hashable {
    /// One of the actions Terraform lists for a change; a replacement is two actions.
    public enum Action: String, Sendable, Hashable, CaseIterable {
        case noOp = "no-op"
        case create
        case read
        case update
        case delete
        /// Removed from state without destroying the object (`removed` block with `destroy = false`).
        case forget
    }

    /// Terraform's instance address, e.g. `module.m.aws_s3_bucket.b["logs"]`.
    public var address: String
    /// The address in the previous run when the object moved (`moved` block).
    public var previousAddress: String?
    /// The deposed object key when this change concerns a deposed (create-before-destroy) object.
    public var deposed: String?
    public var mode: Resource.Mode
    public var type: String
    public var name: String
    /// Provider local name, e.g. `aws`.
    public var provider: String
    /// Actions in Terraform's order: `[delete, create]` is destroy-then-create, `[create, delete]` create-before-destroy.
    public var actions: [Action]
    /// The object before the change; nil when the plan did not include it.
    public var before: Value?
    /// The object after the change, with unknown attributes as `.unknown`; nil when not included.
    public var after: Value?
    /// Terraform's sensitivity trees (`true` leaves are sensitive); values are kept but must never be logged.
    public var beforeSensitive: Value?
    public var afterSensitive: Value?
    /// Why Terraform chose the action, e.g. `replace_because_cannot_update`.
    public var actionReason: String?

    /// A change with every field given; readers fill it from `resource_changes`.
    public init(
        address: String, previousAddress: String? = nil, deposed: String? = nil, mode: Resource.Mode = .managed,
        type: String, name: String, provider: String, actions: [Action], before: Value?, after: Value?,
        beforeSensitive: Value? = nil, afterSensitive: Value? = nil, actionReason: String? = nil
    ) {
        self.address = address
        self.previousAddress = previousAddress
        self.deposed = deposed
        self.mode = mode
        self.type = type
        self.name = name
        self.provider = provider
        self.actions = actions
        self.before = before
        self.after = after
        self.beforeSensitive = beforeSensitive
        self.afterSensitive = afterSensitive
        self.actionReason = actionReason
    }

    /// True for a replacement: delete and create of the same instance, in either order.
    public var isReplace: Bool { actions.contains(.delete) && actions.contains(.create) }

    /// True when the replacement creates the new object before destroying the old one.
    public var isCreateBeforeDestroy: Bool { actions == [.create, .delete] }

    /// True when nothing changes.
    public var isNoOp: Bool { actions.isEmpty || actions == [.noOp] }
}

/// A root module output as planned.
public struct PlanOutput: Sendable, Hashable {
    /// The planned value; `.unknown` when it is only known after apply.
    public var value: Value
    /// Marked `sensitive = true`: the value is kept for analysis but must never be logged.
    public var sensitive: Bool

    /// An output with its planned value.
    public init(value: Value, sensitive: Bool) {
        self.value = value
        self.sensitive = sensitive
    }
}
