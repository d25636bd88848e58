import Model

/// A commit's scanned files with a few more files of the same commit laid over them (baselines, a state file,
/// `.bulwarkignore` outside the target's paths), so one tree answers every read of the live stage.
struct OverlayFileTree: FileTree {
    let base: any FileTree
    let extra: MemoryFileTree

    func read(_ path: String, maxSize: Int) -> FileTreeReadResult {
        let own = extra.read(path, maxSize: maxSize)
        if case .missing = own { return base.read(path, maxSize: maxSize) }
        return own
    }

    func kind(_ path: String) -> FileKind? { extra.kind(path) ?? base.kind(path) }

    func entries(_ directory: String) -> [String]? {
        let a = extra.entries(directory), b = base.entries(directory)
        if a == nil && b == nil { return nil }
        return Array(Set((a ?? []) + (b ?? []))).sorted()
    }

    var workingDirectory: String { base.workingDirectory }
}
