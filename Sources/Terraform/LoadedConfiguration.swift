import Model

/// A Terraform configuration turned into the resource model, with every problem met on the way.
public struct LoadedConfiguration: Sendable {
    /// The root module directory as given.
    public var rootDirectory: String
    /// Every resource and data source instance, root module first, then child modules in call order.
    public var resources: [Resource]
    /// The root module's outputs.
    public var outputs: [String: Value]
    /// Syntax, evaluation and loading problems; a file or value with an error never hides the others.
    public var diagnostics: [Diagnostic]
    /// Every configuration file read, as displayed in messages.
    public var files: [String]
    /// Config address without instance keys (`module.net.aws_vpc.main`) → the block's source range.
    public var sourceRanges: [String: SourceRange]

    public init(
        rootDirectory: String, resources: [Resource], outputs: [String: Value], diagnostics: [Diagnostic],
        files: [String], sourceRanges: [String: SourceRange]
    ) {
        self.rootDirectory = rootDirectory
        self.resources = resources
        self.outputs = outputs
        self.diagnostics = diagnostics
        self.files = files
        self.sourceRanges = sourceRanges
    }

    /// The resource graph over `resources`.
    public var graph: ResourceGraph { ResourceGraph(resources) }

    /// Errors only (warnings such as "module not loaded" excluded).
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// The block range for a config address; instance keys in the address are ignored.
    public func sourceRange(ofConfigAddress address: String) -> SourceRange? {
        sourceRanges[Self.stripInstanceKeys(address)]
    }

    /// `module.a["x"].module.b[0].aws_s3_bucket.c[1]` → `module.a.module.b.aws_s3_bucket.c`.
    public static func stripInstanceKeys(_ address: String) -> String {
        var out = ""
        var depth = 0
        var inString = false
        var escaped = false
        for ch in address {
            if depth > 0 {
                if inString {
                    if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == "\"" { inString = false }
                } else if ch == "\"" {
                    inString = true
                } else if ch == "[" {
                    depth += 1
                } else if ch == "]" {
                    depth -= 1
                }
                continue
            }
            if ch == "[" { depth = 1 } else { out.append(ch) }
        }
        return out
    }
}
