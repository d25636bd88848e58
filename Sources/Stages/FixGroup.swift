import ControllerConfig
import Reports

/// Failed findings proposed together on one fix branch.
public struct FixGroup: Sendable {
    /// The group's key: a check ID made safe for a branch name, or `all`.
    public var key: String
    public var findings: [Finding]

    /// `bulwark/fix/<key>`: the only branches the propose stage ever pushes.
    public var branch: String { FixGroup.branchPrefix + key }

    /// The prefix of every fix branch.
    public static let branchPrefix = "bulwark/fix/"

    /// Gathers failed findings per check (in check ID order) or into one group.
    public static func groups(_ failed: [Finding], grouping: FixProposalSettings.Grouping) -> [FixGroup] {
        guard !failed.isEmpty else { return [] }
        switch grouping {
        case .single:
            return [FixGroup(key: "all", findings: failed)]
        case .perCheck:
            let byCheck = Dictionary(grouping: failed, by: { $0.result.checkID })
            return byCheck.keys.sorted().map { FixGroup(key: branchSafe($0), findings: byCheck[$0] ?? []) }
        }
    }

    /// A check ID as a branch-name component: letters, digits, `.`, `_`, `-`; no `..`, no leading `.` or `-`,
    /// no `.lock` suffix (Git refuses those), lower case so two spellings never make two branches.
    static func branchSafe(_ id: String) -> String {
        var text = String(id.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "-" })
        while text.contains("..") { text = text.replacingOccurrences(of: "..", with: ".") }
        while text.hasPrefix(".") || text.hasPrefix("-") { text.removeFirst() }
        if text.hasSuffix(".lock") { text.removeLast(5) }
        while text.hasSuffix(".") { text.removeLast() }
        return text.isEmpty ? "check" : String(text.prefix(100))
    }
}
