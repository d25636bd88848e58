import Checks
import Foundation
import Model

/// Per-type lists of attributes drift does not compare (provider-computed or defaulted) and attributes that are
/// sets, read from a data file (`checks/drift/ignore-attributes.yaml`):
///
/// ```yaml
/// defaults:                 # every type
///   ignore: [id, arn, tags_all, timeouts]
/// types:
///   aws_s3_bucket:
///     ignore: [bucket_domain_name, hosted_zone_id]
///     sets: [grant]
/// ```
public struct AttributeIgnoreTable: Sendable {
    /// Rules applying to every type.
    public private(set) var defaults: AttributeRules
    /// Type-specific rules, already merged with `defaults`.
    private var merged: [String: AttributeRules]

    /// A table from rule sets; `types` entries are merged with `defaults`.
    public init(defaults: AttributeRules = AttributeRules(), types: [String: AttributeRules] = [:]) {
        self.defaults = defaults
        self.merged = types.mapValues { defaults.merging($0) }
    }

    /// The rules for `type`.
    public func rules(for type: String) -> AttributeRules { merged[type] ?? defaults }

    /// Parses the YAML data file; entries that break the schema are diagnostics (file:line:column) and left out.
    public static func load(yaml text: String, file: String) -> (table: AttributeIgnoreTable, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var defaults = AttributeRules()
        var types: [String: AttributeRules] = [:]
        do throws(LoadError) {
            guard let root = try YNode.parse(text) else { return (AttributeIgnoreTable(), []) }
            try root.requireKeys(in: ["defaults", "types"], "a drift attribute file")
            if let node = root["defaults"] { defaults = try rules(node, "defaults") }
            if let node = root["types"] {
                for pair in try node.requireMapping("'types'") {
                    do throws(LoadError) {
                        types[pair.key] = try rules(pair.node, "type \(pair.key)")
                    } catch {
                        diagnostics.append(error.diagnostic(file: file))
                    }
                }
            }
        } catch {
            diagnostics.append(error.diagnostic(file: file))
        }
        return (AttributeIgnoreTable(defaults: defaults, types: types), diagnostics)
    }

    /// Reads and parses the data file at `path`.
    public static func load(file path: String) -> (table: AttributeIgnoreTable, diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return (AttributeIgnoreTable(), [Diagnostic(.io, "cannot read drift attribute file", at: .wholeFile(path))])
        }
        return load(yaml: text, file: path)
    }

    private static func rules(_ node: YNode, _ what: String) throws(LoadError) -> AttributeRules {
        try node.requireKeys(in: ["ignore", "sets"], what)
        let ignore = try node["ignore"]?.requireStringList("'ignore' of \(what)") ?? []
        let sets = try node["sets"]?.requireStringList("'sets' of \(what)") ?? []
        return AttributeRules(ignore: ignore, sets: sets)
    }
}
