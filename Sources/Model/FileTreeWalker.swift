/// The one directory walk every command uses to find configuration files: hidden directories skipped, symbolic
/// links to directories never followed (they can loop, or lead out of the tree), a link to a file taken as a file.
/// Each real directory is visited once, so the walk is bounded by the tree's size.
public enum FileTreeWalker {
    /// One visited directory: its absolute path and the names of the files in it (links to files included), sorted.
    public struct Directory: Sendable, Equatable {
        public var path: String
        public var files: [String]
    }

    /// Every directory under `top` (itself included), depth first in name order, with the files each holds.
    public static func walk(_ top: String, in tree: any FileTree) -> [Directory] {
        var out: [Directory] = []
        var stack = [top]
        while let directory = stack.popLast() {
            guard let names = tree.entries(directory) else { continue }
            var files: [String] = []
            var children: [String] = []
            for name in names.sorted() {
                let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
                switch tree.kind(path) {
                case .directory:
                    if !name.hasPrefix(".") { children.append(path) }
                case .symlink:
                    if tree.resolvedKind(path) == .file { files.append(name) }
                case .file:
                    files.append(name)
                case nil:
                    continue
                }
            }
            out.append(Directory(path: directory, files: files))
            stack.append(contentsOf: children.reversed())
        }
        return out
    }
}
