import Model

/// How a failing check is fixed in Terraform: an ID, a one-line summary, and declarative actions applied in order.
///
/// Declared in a check file under `fix:` (docs/check-format.md); the Remediation layer turns it into edits.
public struct FixSpec: Sendable, Hashable {
    /// Stable identifier (`set-attribute:metadata_options.http_tokens`, `add-public-access-block`, …).
    public var id: String
    /// What the fix does, one line, for commit messages and reports.
    public var summary: String
    /// The actions, in file order; an action that does not apply to a resource (see each action) is skipped.
    public var actions: [FixAction]
    /// Where the fix was declared.
    public var source: SourceRange?

    /// Memberwise.
    public init(id: String, summary: String, actions: [FixAction], source: SourceRange? = nil) {
        self.id = id
        self.summary = summary
        self.actions = actions
        self.source = source
    }
}

/// One step of a declarative fix.
public enum FixAction: Sendable, Hashable {
    /// Give an attribute a value, creating missing nested blocks on the way.
    case set(SetAttributeAction)
    /// Remove an element from a list attribute.
    case remove(RemoveElementAction)
    /// Add a nested block when the resource has none of that type.
    case addBlock(AddBlockAction)
    /// Add a companion resource that references the fixed one (or set its attributes when one exists).
    case addResource(AddResourceAction)
    /// A fix written in Swift, for what data cannot express; looked up by name in the Remediation layer.
    case named(NamedFixAction)
}

/// A value a fix writes: a literal, or a parameter of the planner (`admin_cidr`).
public enum FixValue: Sendable, Hashable {
    case literal(Value)
    case parameter(String)
}

/// `set: {path: a.b.c, value: v}`: leading path segments are nested blocks, the last is the attribute.
public struct SetAttributeAction: Sendable, Hashable {
    public var path: [String]
    public var value: FixValue
    /// Older names of the same attribute (`enable_https_traffic_only`): when one is present it is edited instead.
    public var aliases: [String]
    /// False: only edit an attribute/blocks that exist; never add them.
    public var create: Bool

    /// Memberwise.
    public init(path: [String], value: FixValue, aliases: [String] = [], create: Bool = true) {
        self.path = path
        self.value = value
        self.aliases = aliases
        self.create = create
    }
}

/// `remove: {path: cidr_blocks, value: "0.0.0.0/0"}`: drops every element equal to `value`.
public struct RemoveElementAction: Sendable, Hashable {
    public var path: [String]
    public var value: Value

    /// Memberwise.
    public init(path: [String], value: Value) {
        self.path = path
        self.value = value
    }
}

/// The content of a block a fix writes: attributes, and nested blocks (YAML mappings), in order.
public struct FixBody: Sendable, Hashable {
    /// One item of a body.
    public enum Item: Sendable, Hashable {
        case attribute(String, FixValue)
        case block(String, FixBody)
    }

    public var items: [Item]

    /// Memberwise.
    public init(_ items: [Item] = []) { self.items = items }
}

/// `add_block: {path: versioning, body: {enabled: true}}`: the last path segment is the block type.
public struct AddBlockAction: Sendable, Hashable {
    public var path: [String]
    public var body: FixBody

    /// Memberwise.
    public init(path: [String], body: FixBody) {
        self.path = path
        self.body = body
    }
}

/// `add_resource: {type: aws_s3_bucket_versioning, reference: bucket, body: {...}}`.
public struct AddResourceAction: Sendable, Hashable {
    /// The companion resource type.
    public var type: String
    /// The companion's attribute that references the fixed resource (`bucket`).
    public var reference: String
    /// The fixed resource's attribute the reference reads (`id`).
    public var referenceAttribute: String
    public var body: FixBody
    /// Skip this action when the fixed resource has a nested block of this type (inline configuration wins).
    public var unlessBlock: String?

    /// Memberwise.
    public init(
        type: String, reference: String, referenceAttribute: String = "id", body: FixBody,
        unlessBlock: String? = nil
    ) {
        self.type = type
        self.reference = reference
        self.referenceAttribute = referenceAttribute
        self.body = body
        self.unlessBlock = unlessBlock
    }
}

/// `named: {name: sg_ingress_admin_cidr, arguments: {port: 22}}`.
public struct NamedFixAction: Sendable, Hashable {
    public var name: String
    public var arguments: [String: Value]

    /// Memberwise.
    public init(name: String, arguments: [String: Value] = [:]) {
        self.name = name
        self.arguments = arguments
    }
}
