/// One infrastructure object in the shared vocabulary: a Terraform resource instance, a planned or state
/// instance, or (later) a live cloud object mapped into the same attribute names.
public struct Resource: Hashable, Sendable {
    /// Terraform's distinction between managed resources and data sources.
    public enum Mode: String, Hashable, Sendable, Codable {
        case managed
        case data
    }

    /// The key of one instance produced by `count` or `for_each`.
    public enum InstanceKey: Hashable, Sendable, CustomStringConvertible {
        case int(Int)
        case string(String)

        /// `[0]` or `["name"]`, as Terraform writes it in addresses.
        public var description: String {
            switch self {
            case .int(let i): return "[\(i)]"
            case .string(let s): return "[\(Value.quote(s))]"
            }
        }
    }

    /// Where the resource came from.
    public enum Origin: Hashable, Sendable {
        /// A Terraform configuration block; the range covers the whole block.
        case iac(SourceRange)
        /// A `terraform show -json` plan file; `source` maps back to the `.tf` block when the sources were beside it.
        case plan(file: String, source: SourceRange?)
        /// A Terraform state file.
        case state(file: String)
        /// A live cloud object.
        case live(LiveOrigin)

        /// The source range to report findings at, when one is known.
        public var sourceRange: SourceRange? {
            switch self {
            case .iac(let range): return range
            case .plan(_, let source): return source
            case .state, .live: return nil
            }
        }
    }

    /// Identity of a live object: its provider ID (ARN, Azure resource ID), account or subscription, and region.
    public struct LiveOrigin: Hashable, Sendable {
        public var id: String
        public var account: String
        public var region: String?
        public init(id: String, account: String, region: String?) {
            self.id = id
            self.account = account
            self.region = region
        }
    }

    public var mode: Mode
    /// Provider local name: `aws`, `azurerm`, `google`, …
    public var provider: String
    /// Type in Terraform's vocabulary, e.g. `aws_s3_bucket`.
    public var type: String
    /// Name in the configuration, e.g. `b` in `aws_s3_bucket.b`.
    public var name: String
    /// Module path from the root, e.g. `["module.net", "module.sub[\"a\"]"]`; empty for the root module.
    public var modulePath: [String]
    /// Instance key from `count`/`for_each`, nil for a single instance.
    public var instanceKey: InstanceKey?
    public var origin: Origin
    /// Attribute tree; nested blocks appear as lists of objects, as in Terraform's JSON plan representation.
    public var attributes: [String: Value]
    /// Edges to other resources this one refers to.
    public var references: [Reference]

    public init(
        mode: Mode = .managed, provider: String, type: String, name: String, modulePath: [String] = [],
        instanceKey: InstanceKey? = nil, origin: Origin, attributes: [String: Value], references: [Reference] = []
    ) {
        self.mode = mode
        self.provider = provider
        self.type = type
        self.name = name
        self.modulePath = modulePath
        self.instanceKey = instanceKey
        self.origin = origin
        self.attributes = attributes
        self.references = references
    }

    /// Address without instance key: `module.m.aws_s3_bucket.b`.
    public var configAddress: String {
        let local = (mode == .data ? "data." : "") + "\(type).\(name)"
        return (modulePath + [local]).joined(separator: ".")
    }

    /// Full instance address: `module.m.aws_s3_bucket.b["logs"]`.
    public var address: String {
        configAddress + (instanceKey?.description ?? "")
    }

    /// Provider local name implied by a resource type (`aws_s3_bucket` → `aws`).
    public static func impliedProvider(ofType type: String) -> String {
        if let underscore = type.firstIndex(of: "_") { return String(type[..<underscore]) }
        return type
    }
}

/// An edge of the resource graph: attribute `attribute` of one resource refers to `target`.
public struct Reference: Hashable, Sendable {
    /// Attribute path in the referring resource, dotted (`bucket`, `logging.target_bucket`).
    public var attribute: String
    /// Address of the referred resource: an instance address when the key is known, else the config address.
    public var target: String
    /// Attribute of the target that was read (`id`, `arn`), if any.
    public var targetAttribute: String?

    public init(attribute: String, target: String, targetAttribute: String? = nil) {
        self.attribute = attribute
        self.target = target
        self.targetAttribute = targetAttribute
    }
}
