import Checks
import Foundation
import Model

/// `--check` / `--skip-check` selection, with Checkov's semantics so existing CI invocations keep working.
///
/// Each item is a check ID, a Checkov/AVD ID from the check's references (`*` wildcards, case-insensitive),
/// or a severity. A severity in `--check` selects that severity and above (the lowest listed counts); in
/// `--skip-check` it skips that severity and below (the highest listed counts). Skips win over selections.
public struct CheckFilter: Sendable, Hashable {
    public private(set) var includePatterns: [String] = []
    public private(set) var includeSeverity: Severity?
    public private(set) var excludePatterns: [String] = []
    public private(set) var excludeSeverity: Severity?

    /// Parses the option values; each value may itself be a comma-separated list.
    public init(include: [String] = [], exclude: [String] = []) {
        for item in Self.items(include) {
            if let s = Severity(rawValue: item.lowercased()) {
                includeSeverity = includeSeverity.map { min($0, s) } ?? s
            } else {
                includePatterns.append(item.uppercased())
            }
        }
        for item in Self.items(exclude) {
            if let s = Severity(rawValue: item.lowercased()) {
                excludeSeverity = excludeSeverity.map { max($0, s) } ?? s
            } else {
                excludePatterns.append(item.uppercased())
            }
        }
    }

    /// Whether the filter selects `check`.
    public func selects(_ check: CheckDefinition) -> Bool {
        if let s = excludeSeverity, check.severity <= s { return false }
        if excludePatterns.contains(where: { matches($0, check) }) { return false }
        if includePatterns.isEmpty && includeSeverity == nil { return true }
        if let s = includeSeverity, check.severity >= s { return true }
        return includePatterns.contains { matches($0, check) }
    }

    private func matches(_ pattern: String, _ check: CheckDefinition) -> Bool {
        let refs = check.references
        return ([check.id] + refs.checkov + refs.avd + refs.tfsec).contains { Self.glob(pattern, $0.uppercased()) }
    }

    private static func items(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `*` matches any run of characters (including none); everything else literally.
    static func glob(_ pattern: String, _ text: String) -> Bool { Wildcard.matches(pattern, text) }
}
