import Foundation
import Model

/// Loads Bulwark check files (one YAML document per check, schema in docs/check-format.md).
public enum CheckLoader {
    private static let topKeys: Set<String> = [
        "id", "title", "description", "severity", "provider", "resource_types", "condition", "remediation", "references", "fix",
        "scope",
    ]
    private static let providers: Set<String> = ["aws", "azure", "kubernetes"]

    /// Loads every `*.yaml`/`*.yml` below `directory` (skipping `frameworks/`, and `drift/`, which holds drift data
    /// files, not checks); a bad file yields a diagnostic naming file and line while the rest still load; a repeated
    /// ID is an error and the first wins.
    public static func load(
        directory: String, predicates: PredicateRegistry = .standard
    )
        -> (checks: [CheckDefinition], diagnostics: [Diagnostic])
    {
        var checks: [CheckDefinition] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: String] = [:]
        let files: [String]
        do {
            files = try yamlFiles(under: directory, skipping: ["frameworks", "drift"])
        } catch {
            return ([], [Diagnostic(.io, "cannot list check directory: \(error)", at: .wholeFile(directory))])
        }
        for file in files {
            switch loadFile(file, predicates: predicates) {
            case .failure(let d):
                diagnostics.append(d)
            case .success(let check):
                if let previous = seen[check.id] {
                    diagnostics.append(
                        Diagnostic(
                            .duplicate, "duplicate check ID \(check.id) (first defined in \(previous))",
                            at: check.source ?? .wholeFile(file)))
                } else {
                    seen[check.id] = file
                    checks.append(check)
                }
            }
        }
        return (checks, diagnostics)
    }

    /// Loads one check file.
    public static func loadFile(_ file: String, predicates: PredicateRegistry = .standard) -> Result<CheckDefinition, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: file) else {
            return .failure(Diagnostic(.io, "cannot read check file", at: .wholeFile(file)))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(Diagnostic(.invalidUTF8, "check file is not UTF-8", at: .wholeFile(file)))
        }
        return load(yaml: text, file: file, predicates: predicates)
    }

    /// Compiles a check from YAML text; `file` names it in diagnostics.
    public static func load(
        yaml text: String, file: String, predicates: PredicateRegistry = .standard
    )
        -> Result<CheckDefinition, Diagnostic>
    {
        do throws(LoadError) {
            guard let root = try YNode.parse(text) else { throw LoadError("check file is empty", line: 1, column: 1) }
            return .success(try compile(root, file: file, predicates: predicates))
        } catch {
            return .failure(error.diagnostic(file: file))
        }
    }

    private static func compile(_ root: YNode, file: String, predicates: PredicateRegistry) throws(LoadError) -> CheckDefinition {
        try root.requireKeys(in: topKeys, "a check")
        func required(_ key: String) throws(LoadError) -> YNode {
            guard let node = root[key] else { throw root.error("missing required key '\(key)'") }
            return node
        }
        let idNode = try required("id")
        let id = try idNode.requireString("id")
        guard isBulwarkID(id) else { throw idNode.error("id '\(id)' does not follow BLW-<PROVIDER>-<SERVICE>-NNN") }
        let title = try required("title").requireString("title")
        let severityNode = try required("severity")
        guard let severity = Severity(rawValue: try severityNode.requireString("severity")) else {
            throw severityNode.error("severity must be critical, high, medium or low")
        }
        let providerNode = try required("provider")
        let provider = try providerNode.requireString("provider")
        guard providers.contains(provider) else { throw providerNode.error("provider must be aws, azure or kubernetes") }
        let typesNode = try required("resource_types")
        let types = try typesNode.requireStringList("resource_types")
        guard !types.isEmpty else { throw typesNode.error("resource_types must not be empty") }
        let condition = try ConditionCompiler(predicates: predicates).compile(try required("condition"))
        let references = try root["references"].map { n throws(LoadError) in try parseReferences(n) } ?? CheckReferences()
        let fix = try root["fix"].map { n throws(LoadError) in try FixSpecParser.parse(n, file: file) }
        var liveOnly = false
        if let scopeNode = root["scope"] {
            switch try scopeNode.requireString("scope") {
            case "any": liveOnly = false
            case "live": liveOnly = true
            default: throw scopeNode.error("scope must be any or live")
            }
        }
        let position = SourcePosition(line: root.line, column: root.column, byte: 0)
        return CheckDefinition(
            id: id, title: title,
            description: try root["description"]?.requireString("description") ?? "",
            severity: severity, provider: provider, resourceTypes: types, condition: condition,
            remediation: try root["remediation"]?.requireString("remediation") ?? "",
            references: references, source: SourceRange(file: file, start: position, end: position), fix: fix,
            liveOnly: liveOnly)
    }

    private static func parseReferences(_ node: YNode) throws(LoadError) -> CheckReferences {
        try node.requireKeys(in: ["checkov", "avd", "tfsec", "cis"], "references")
        var refs = CheckReferences()
        refs.checkov = try node["checkov"]?.requireStringList("references.checkov") ?? []
        refs.avd = try node["avd"]?.requireStringList("references.avd") ?? []
        refs.tfsec = try node["tfsec"]?.requireStringList("references.tfsec") ?? []
        if let cis = node["cis"] {
            for pair in try cis.requireMapping("references.cis") {
                refs.cis[pair.key] = try pair.node.requireStringList("controls of \(pair.key)")
            }
        }
        return refs
    }

    /// `BLW-` then upper-case alphanumeric provider and service segments and a three-digit number.
    static func isBulwarkID(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "BLW" else { return false }
        let segment: (Substring) -> Bool = { s in
            !s.isEmpty && s.allSatisfy { ($0.isASCII && $0.isUppercase) || ($0.isASCII && $0.isNumber) }
        }
        return segment(parts[1]) && segment(parts[2]) && parts[3].count == 3 && parts[3].allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// YAML files below `directory`, sorted for deterministic load order and duplicate reporting.
    static func yamlFiles(under directory: String, skipping skipped: Set<String> = []) throws -> [String] {
        let root = URL(fileURLWithPath: directory)
        let keys: [URLResourceKey] = [.isDirectoryKey, .isRegularFileKey]
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        var files: [String] = []
        for case let url as URL in enumerator {
            let values = try url.resourceValues(forKeys: Set(keys))
            if values.isDirectory == true {
                if skipped.contains(url.lastPathComponent) { enumerator.skipDescendants() }
                continue
            }
            guard values.isRegularFile == true else { continue }
            let ext = url.pathExtension.lowercased()
            if ext == "yaml" || ext == "yml" { files.append(url.path) }
        }
        return files.sorted()
    }
}
