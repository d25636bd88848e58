import CommitScan
import Remediation

extension CommitSnapshot {
    /// The same commit with `edits` written over its files; an edit outside the snapshot is returned in `outside`.
    public func applying(_ edits: [FileEdit]) -> (snapshot: CommitSnapshot, outside: [String]) {
        var files = self.files
        var outside: [String] = []
        for edit in edits {
            guard let path = relativePath(edit.path) else {
                outside.append(edit.path)
                continue
            }
            files[path] = Array(edit.updated.utf8)
        }
        return (CommitSnapshot(commit: commit, files: files, oversized: oversized, deferred: deferred), outside)
    }
}
