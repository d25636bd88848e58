import Checks
import Foundation
import Model

/// Reads baseline YAML files (`desired-state/baselines/*.yaml`); errors carry file:line:column.
public enum SecurityBaselineLoader {
    static let topKeys: Set<String> = [
        "name", "provider", "checks", "frameworks", "severity_threshold", "settings", "exceptions",
        "auto_remediate",
    ]

    /// Parses a baseline; a schema or syntax error is a thrown diagnostic at its position.
    public static func load(yaml text: String, file: String) throws(DiagnosticsError) -> SecurityBaseline {
        do throws(LoadError) {
            guard let root = try YNode.parse(text) else { throw LoadError("the baseline file is empty", line: 1, column: 1) }
            try root.requireKeys(in: topKeys, "a baseline")
            guard let nameNode = root["name"] else { throw root.error("a baseline needs a 'name'") }
            guard let providerNode = root["provider"] else { throw root.error("a baseline needs a 'provider' (aws or azure)") }
            let provider = try providerNode.requireString("provider")
            guard provider == "aws" || provider == "azure" else { throw providerNode.error("provider must be aws or azure") }
            var baseline = SecurityBaseline(name: try nameNode.requireString("name"), provider: provider, file: file)
            if let checks = root["checks"] {
                try checks.requireKeys(in: ["include", "exclude"], "'checks'")
                baseline.checks = try checks["include"]?.requireStringList("'include'") ?? []
                baseline.excludedChecks = try checks["exclude"]?.requireStringList("'exclude'") ?? []
            }
            baseline.frameworks = try root["frameworks"]?.requireStringList("'frameworks'") ?? []
            baseline.autoRemediate = try root["auto_remediate"]?.requireStringList("'auto_remediate'") ?? []
            if let node = root["severity_threshold"] {
                let text = try node.requireString("severity_threshold")
                guard let severity = Severity(rawValue: text.lowercased()) else {
                    throw node.error("severity_threshold must be one of: critical, high, medium, low")
                }
                baseline.severityThreshold = severity
            }
            if let settings = root["settings"] { baseline.settings = try BaselineSettingCatalog.requirements(settings, file: file) }
            if let list = root["exceptions"] {
                guard let items = list.sequenceItems else { throw list.error("'exceptions' must be a list") }
                for item in items { baseline.exceptions.append(try exception(item, file: file)) }
            }
            return baseline
        } catch {
            throw DiagnosticsError([error.diagnostic(file: file)])
        }
    }

    /// Reads and parses the baseline at `path`.
    public static func load(file path: String) throws(DiagnosticsError) -> SecurityBaseline {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticsError([Diagnostic(.io, "cannot read baseline file", at: .wholeFile(path))])
        }
        return try load(yaml: text, file: path)
    }

    private static func exception(_ node: YNode, file: String) throws(LoadError) -> BaselineException {
        try node.requireKeys(in: ["check", "resource", "reason", "owner", "expires"], "an exception")
        for key in ["check", "resource", "reason", "owner", "expires"] where node[key] == nil {
            throw node.error("an exception needs '\(key)'")
        }
        guard let check = node["check"], let resource = node["resource"], let reason = node["reason"], let owner = node["owner"],
            let expiresNode = node["expires"]
        else { throw node.error("an exception needs check, resource, reason, owner and expires") }
        guard let expires = CalendarDate(try expiresNode.requireString("expires")) else {
            throw expiresNode.error("expires must be a date YYYY-MM-DD")
        }
        return BaselineException(
            check: try check.requireString("check"), resource: try resource.requireString("resource"),
            reason: try reason.requireString("reason"), owner: try owner.requireString("owner"), expires: expires,
            range: BaselineSettingCatalog.range(node, file))
    }
}
