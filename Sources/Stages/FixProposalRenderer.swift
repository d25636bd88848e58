import Checks
import Foundation
import Remediation
import Reports

/// The text of a fix proposal: commit message, pull/merge request title and Markdown body.
public struct FixProposalRenderer: Sendable {
    /// What one proposal is about.
    public struct Input: Sendable {
        public var target: String
        /// The target's branch (the request's base) and the scanned commit the fix sits on.
        public var branch: String
        public var commit: String
        /// `bulwark/fix/<group>`.
        public var fixBranch: String
        public var group: String
        public var plan: FixPlan
        /// The failed findings of the scanned commit (severity and location come from here).
        public var findings: [Finding]
        /// Compliance of the scanned commit and of the fixed tree.
        public var before: [ComplianceSummary]
        public var after: [ComplianceSummary]
        /// Frameworks to show (empty = all).
        public var frameworks: [String]
        /// Fingerprints of the findings fixed, sorted; written into the body so a lost store can be rebuilt.
        public var fingerprints: [String]
        /// Maps a tree path (`/git/<sha>/main.tf`) to the repository path people read.
        public var displayPath: @Sendable (String) -> String

        /// Memberwise.
        public init(
            target: String, branch: String, commit: String, fixBranch: String, group: String, plan: FixPlan,
            findings: [Finding], before: [ComplianceSummary], after: [ComplianceSummary], frameworks: [String],
            fingerprints: [String], displayPath: @escaping @Sendable (String) -> String
        ) {
            self.target = target
            self.branch = branch
            self.commit = commit
            self.fixBranch = fixBranch
            self.group = group
            self.plan = plan
            self.findings = findings
            self.before = before
            self.after = after
            self.frameworks = frameworks
            self.fingerprints = fingerprints
            self.displayPath = displayPath
        }
    }

    /// The marker that starts the hidden metadata line of every body Bulwark writes.
    public static let marker = "<!-- bulwark:fix-proposal"

    /// A renderer.
    public init() {}

    /// `bulwark: fix CHECK (N resources)` or `bulwark: fix N findings (K checks)`.
    public func title(_ input: Input) -> String {
        let checks = Set(input.plan.fixed.map(\.checkID))
        let count = input.plan.fixed.count
        if checks.count == 1, let check = checks.first {
            return "bulwark: fix \(check) (\(count) \(count == 1 ? "resource" : "resources"))"
        }
        return "bulwark: fix \(count) findings (\(checks.count) checks)"
    }

    /// Subject, then one line per fix with its controls, then the controls fixed and the scanned commit.
    public func commitMessage(_ input: Input) -> String {
        var lines = [title(input), "", "Fixes \(input.plan.fixed.count) failed check results found at \(input.commit.prefix(12)):"]
        for fix in input.plan.fixed {
            let controls = fix.controls.isEmpty ? "" : " [\(fix.controls.joined(separator: ", "))]"
            lines.append("- \(fix.checkID) \(fix.resourceAddress) (\(input.displayPath(fix.file)):\(fix.line)): \(fix.summary)\(controls)")
        }
        let controls = Set(input.plan.fixed.flatMap(\.controls)).sorted()
        if !controls.isEmpty { lines += ["", "Controls: " + controls.joined(separator: ", ")] }
        if !input.plan.manual.isEmpty { lines += ["", "Left for a person: \(input.plan.manual.count) (see the request)."] }
        lines += ["", "Bulwark-Target: \(input.target)", "Bulwark-Scanned-Commit: \(input.commit)"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The Markdown body: findings table, compliance before → after, manual fixes, how to review, metadata.
    public func body(_ input: Input) -> String {
        var out = "## Bulwark security fixes: \(Self.code(input.group))\n\n"
        out += "Bulwark scanned `\(input.branch)` at `\(input.commit.prefix(12))` (target `\(input.target)`) and fixed "
        out += "\(input.plan.fixed.count) failed check \(input.plan.fixed.count == 1 ? "result" : "results") in "
        out += "\(input.plan.edits.count) \(input.plan.edits.count == 1 ? "file" : "files"). "
        out += "The commit sits directly on the scanned commit and changes only the lines listed below.\n\n"
        out += findingsTable(input)
        out += complianceTable(input)
        out += manualSection(input)
        out += """
            ### How to review

            1. Read the diff: every change is a minimal edit to an existing block or a new block beside the resource; \
            comments and formatting elsewhere are untouched.
            2. Check each change against how the resource is used (a fix that is right for security can still break \
            a client that relied on the old setting), and run `terraform plan` on the branch.
            3. Merge to apply the fixes through your normal pipeline; the next reconcile sees the findings resolved.
            4. Close the request to decline: Bulwark remembers and does not propose these fixes again. New findings \
            of the same kind get a new request; new commits on `\(input.branch)` update this one.
            5. Push your own commits to `\(input.fixBranch)` only after taking it over: Bulwark force-pushes the \
            branch when `\(input.branch)` moves while the request is open.


            """
        out += "\(Self.marker) target=\(input.target) group=\(input.group) commit=\(input.commit) "
        out += "fingerprints=\(input.fingerprints.joined(separator: ",")) -->\n"
        return out
    }

    /// The fingerprints written in a body's metadata line; empty when the body has none.
    public static func fingerprints(inBody body: String) -> [String] {
        guard let start = body.range(of: marker) else { return [] }
        let rest = body[start.upperBound...]
        guard let key = rest.range(of: "fingerprints="), let end = rest.range(of: "-->"), key.upperBound <= end.lowerBound else {
            return []
        }
        return rest[key.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespaces)
            .split(separator: ",").map(String.init).sorted()
    }

    /// Rows of the findings table and items of the manual list at most: hosts cap bodies (GitHub at 65,536
    /// characters), and the commit message lists every fix anyway.
    public static let maxListed = 150

    private func findingsTable(_ input: Input) -> String {
        var out = "### Findings fixed\n\n| Check | Severity | Resource | File:line | Controls |\n|---|---|---|---|---|\n"
        for fix in input.plan.fixed.prefix(Self.maxListed) {
            let finding = input.findings.first { $0.result.checkID == fix.checkID && $0.result.resourceAddress == fix.resourceAddress }
            let severity = finding.map { $0.result.check.severity.rawValue.uppercased() } ?? "-"
            let title = finding.map { " " + $0.result.check.title } ?? ""
            let controls = fix.controls.isEmpty ? "-" : fix.controls.joined(separator: ", ")
            out += "| \(Self.cell(fix.checkID + title)) | \(severity) | \(Self.code(fix.resourceAddress)) | "
            out += "\(Self.cell(input.displayPath(fix.file) + ":\(fix.line)")) | \(Self.cell(controls)) |\n"
        }
        if input.plan.fixed.count > Self.maxListed {
            out += "\n… and \(input.plan.fixed.count - Self.maxListed) more, listed in the commit message.\n"
        }
        return out + "\n"
    }

    private func complianceTable(_ input: Input) -> String {
        let after = Dictionary(input.after.map { ($0.framework.id, $0) }, uniquingKeysWith: { a, _ in a })
        let shown = input.before.filter { input.frameworks.isEmpty || input.frameworks.contains($0.framework.id) }
        guard !shown.isEmpty else { return "" }
        var out = "### Compliance before → after\n\n"
        out += "Before is the scan of `\(input.commit.prefix(12))`; after is the same scan of the tree with this request's edits.\n\n"
        out += "| Framework | Before | After | Failed controls |\n|---|---|---|---|\n"
        for summary in shown {
            let next = after[summary.framework.id]
            let failedAfter = next.map { "\($0.count(.failed))" } ?? "?"
            out += "| \(Self.cell(summary.framework.name)) (\(Self.cell(summary.framework.id))) | \(Self.score(summary)) | "
            out += "\(next.map(Self.score) ?? "n/a") | \(summary.count(.failed)) → \(failedAfter) |\n"
        }
        return out + "\n"
    }

    private func manualSection(_ input: Input) -> String {
        guard !input.plan.manual.isEmpty else { return "" }
        var out = "### Left for a person\n\nThese findings have a fix that Bulwark could not apply safely:\n\n"
        for manual in input.plan.manual.prefix(Self.maxListed) {
            let place = manual.location.map { " (\(input.displayPath($0.file)):\($0.start.line))" } ?? ""
            out += "- `\(manual.checkID)` on \(Self.code(manual.resourceAddress))\(place): \(Self.inline(manual.reason))\n"
        }
        if input.plan.manual.count > Self.maxListed { out += "- … and \(input.plan.manual.count - Self.maxListed) more\n" }
        return out + "\n"
    }

    /// `72% (13/18)`: passed / decided controls.
    static func score(_ summary: ComplianceSummary) -> String {
        let passed = summary.count(.passed)
        let failed = summary.count(.failed)
        guard let score = summary.score else { return "n/a" }
        return String(format: "%.0f%%", score * 100) + " (\(passed)/\(passed + failed))"
    }

    /// Text safe inside a Markdown table cell.
    static func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Text on one line with HTML and comment openers neutralised (bodies are rendered as Markdown).
    static func inline(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// An inline code span that survives backticks in the text.
    static func code(_ text: String) -> String {
        "`" + inline(text).replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|") + "`"
    }
}
