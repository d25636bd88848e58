import Checks
import Model

/// One file's content before and after the fixes of a plan.
public struct FileEdit: Sendable, Hashable {
    /// The file's path as the scanned `FileTree` names it (absolute in that tree).
    public var path: String
    public var original: String
    public var updated: String

    /// Memberwise.
    public init(path: String, original: String, updated: String) {
        self.path = path
        self.original = original
        self.updated = updated
    }
}

/// A failed check result that a plan fixes, and where the edit landed.
public struct AppliedFix: Sendable, Hashable {
    public var checkID: String
    public var resourceAddress: String
    /// The fix's identifier (`set-attribute:metadata_options.http_tokens`, `add-public-access-block`, …).
    public var fixID: String
    /// What the edit does, for commit messages and PR bodies.
    public var summary: String
    /// The edited file and 1-based line of the change.
    public var file: String
    public var line: Int
    /// Framework controls the check maps to, as `framework:control` (`cis-aws:5.7`).
    public var controls: [String]

    /// Memberwise.
    public init(
        checkID: String, resourceAddress: String, fixID: String, summary: String, file: String, line: Int,
        controls: [String]
    ) {
        self.checkID = checkID
        self.resourceAddress = resourceAddress
        self.fixID = fixID
        self.summary = summary
        self.file = file
        self.line = line
        self.controls = controls
    }
}

/// A failed check result that has a fix which could not be applied automatically, and why.
public struct ManualFix: Sendable, Hashable {
    public var checkID: String
    public var resourceAddress: String
    /// The resource's location, when known.
    public var location: SourceRange?
    /// Why a person has to do it (value from a module input outside the repo, no fix defined, ambiguous source …).
    public var reason: String

    /// Memberwise.
    public init(checkID: String, resourceAddress: String, location: SourceRange?, reason: String) {
        self.checkID = checkID
        self.resourceAddress = resourceAddress
        self.location = location
        self.reason = reason
    }
}

/// The edits that fix a set of failed results, what they fix, and what is left to a person.
public struct FixPlan: Sendable, Hashable {
    /// One entry per changed file, in path order.
    public var edits: [FileEdit]
    public var fixed: [AppliedFix]
    public var manual: [ManualFix]

    /// Memberwise.
    public init(edits: [FileEdit] = [], fixed: [AppliedFix] = [], manual: [ManualFix] = []) {
        self.edits = edits
        self.fixed = fixed
        self.manual = manual
    }

    /// True when the plan changes no file.
    public var isEmpty: Bool { edits.isEmpty }

    /// The plan as it reached the disk when the files at `paths` could not be written: their edits leave `edits`,
    /// and the fixes that landed in them leave `fixed` for `manual`, saying so, so nothing not written counts as fixed.
    public func withoutWrites(to paths: Set<String>) -> FixPlan {
        guard !paths.isEmpty else { return self }
        var out = self
        out.edits = edits.filter { !paths.contains($0.path) }
        out.fixed = fixed.filter { !paths.contains($0.file) }
        out.manual += fixed.filter { paths.contains($0.file) }.map { fix in
            ManualFix(
                checkID: fix.checkID, resourceAddress: fix.resourceAddress, location: nil,
                reason: "its fix was planned but \(fix.file) could not be written")
        }
        return out
    }
}

/// Computes the IaC fixes for failed check results over a file tree (the working copy or a commit's tree).
/// Implementations never write; callers apply `FixPlan.edits` to disk or to a commit.
public protocol IaCFixPlanning: Sendable {
    /// Plans fixes for the failed results among `results`, limited to `checkIDs` when given.
    func plan(for results: [CheckResult], in tree: any FileTree, checkIDs: Set<String>?) -> FixPlan
}
