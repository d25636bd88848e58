import Model

/// A Terraform state file (format version 4, Terraform 0.12 and later) in Bulwark's model.
public struct StateDocument: Sendable {
    /// The state format version; 4 is the only one read.
    public var version: Int?
    /// The Terraform version that last wrote the state.
    public var terraformVersion: String?
    /// Incremented by Terraform on every write.
    public var serial: Int?
    /// Unique ID of this state's history, shared by all its serials.
    public var lineage: String?
    /// Every current resource instance, with `dependencies` as reference edges (see `StateReader`).
    public var resources: [Resource]
    /// Deposed objects (the old half of a create-before-destroy replacement that failed to be destroyed).
    /// Their addresses repeat current instances, so they are kept apart.
    public var deposed: [Resource]
    /// Root module output values.
    public var outputs: [String: Value]
    /// Names of outputs marked sensitive: their values are kept for analysis but must never be logged.
    public var sensitiveOutputs: Set<String>
    /// Problems found while reading; the document holds everything that could be read regardless.
    public var diagnostics: [Diagnostic]

    /// An empty document (used when the file could not be read at all).
    public init(
        version: Int? = nil, terraformVersion: String? = nil, serial: Int? = nil, lineage: String? = nil,
        resources: [Resource] = [], deposed: [Resource] = [], outputs: [String: Value] = [:],
        sensitiveOutputs: Set<String> = [], diagnostics: [Diagnostic] = []
    ) {
        self.version = version
        self.terraformVersion = terraformVersion
        self.serial = serial
        self.lineage = lineage
        self.resources = resources
        self.deposed = deposed
        self.outputs = outputs
        self.sensitiveOutputs = sensitiveOutputs
        self.diagnostics = diagnostics
    }

    /// True when the state was read without errors.
    public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }
}
