import HCL
import Model

/// Every `module` block with a local `source` under the search roots, keyed by the directory it calls, so a
/// value that reaches a module through an input can be traced to the calling file.
struct ModuleCallIndex: Sendable {
    /// One module call.
    struct Call: Sendable {
        /// The file holding the `module` block.
        var file: String
        /// The call's name (the block label).
        var name: String
        /// The directory `source` resolves to.
        var target: String
    }

    private(set) var calls: [Call] = []
    /// Bounds the walk so a huge tree cannot stall planning.
    static let maxDirectories = 20_000

    /// Walks `roots` (directories in `tree`; hidden directories skipped).
    init(roots: [String], tree: any FileTree, maxFileSize: Int) {
        var pending = roots.map(TreePath.clean)
        var seen = Set<String>()
        while let directory = pending.popLast(), seen.count < Self.maxDirectories {
            guard seen.insert(directory).inserted, let names = tree.entries(directory) else { continue }
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = directory == "/" ? "/" + name : directory + "/" + name
                switch tree.resolvedKind(path) {
                case .directory?: pending.append(path)
                case .file? where name.hasSuffix(".tf"):
                    guard case .success(let bytes) = tree.read(path, maxSize: maxFileSize),
                        bytes.count > 6, String(decoding: bytes, as: UTF8.self).contains("module")
                    else { continue }
                    let parsed = HCLParser.parse(bytes, filename: path)
                    for block in parsed.body.blocks where block.type == "module" && block.labels.count == 1 {
                        guard let source = block.body.attribute("source").flatMap({ ExpressionFacts.literal($0.expression) }),
                            case .string(let text) = source, text.hasPrefix("./") || text.hasPrefix("../")
                        else { continue }
                        calls.append(Call(file: path, name: block.labels[0], target: TreePath.clean(directory + "/" + text)))
                    }
                default: continue
                }
            }
        }
    }

    /// The calls named `name` whose source is `directory`.
    func calls(to directory: String, named name: String) -> [Call] {
        let target = TreePath.clean(directory)
        return calls.filter { $0.target == target && $0.name == name }
    }
}
