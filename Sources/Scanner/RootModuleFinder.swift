import Foundation
import HCL
import Model
import Terraform

/// Finds the Terraform root modules in a directory tree: directories with `.tf`/`.tf.json` files that no other
/// directory of the tree calls as a local module (`module "x" { source = "./modules/x" }`).
public enum RootModuleFinder {
    /// Absolute, standardized root module directories under `directory`, sorted; hidden directories
    /// (`.terraform`, `.git`, …) are skipped. A module called only from outside the tree counts as a root.
    /// `tree` is where the directory lives: the disk unless a snapshot (a Git commit) is given.
    public static func find(in directory: String, tree: any FileTree = DiskFileTree()) -> [String] {
        let top = ScanPaths.absolute(directory, in: tree)
        let moduleDirectories = terraformDirectories(under: top, in: tree)
        let inTree = Set(moduleDirectories)
        var called = Set<String>()
        for dir in moduleDirectories {
            for target in localModuleTargets(of: dir, in: tree) where target != dir && inTree.contains(target) {
                called.insert(target)
            }
        }
        return moduleDirectories.filter { !called.contains($0) }.sorted()
    }

    /// Whether `name` is a Terraform configuration file (`.tf` or `.tf.json`).
    public static func isConfigurationFile(_ name: String) -> Bool {
        name.hasSuffix(".tf") || name.hasSuffix(".tf.json")
    }

    /// Every directory under `top` (itself included) holding configuration files, skipping hidden directories.
    /// Symbolic links to directories are not followed (`FileTreeWalker`): Terraform resolves module sources by
    /// path anyway.
    static func terraformDirectories(under top: String, in tree: any FileTree) -> [String] {
        FileTreeWalker.walk(top, in: tree).filter { $0.files.contains(where: isConfigurationFile) }.map(\.path).sorted()
    }

    /// Standardized directories that `dir`'s module blocks call with a local `./` or `../` source.
    static func localModuleTargets(of dir: String, in tree: any FileTree) -> [String] {
        guard let names = tree.entries(dir) else { return [] }
        var targets: [String] = []
        for name in names.sorted() where isConfigurationFile(name) {
            let path = (dir as NSString).appendingPathComponent(name)
            guard case .success(let bytes) = HCLParser.readFile(atPath: path, maxFileSize: LoadOptions().maxFileSize, in: tree) else {
                continue
            }
            // Most files declare no module; the parse is only worth it when the word appears.
            guard bytes.firstRange(of: Array("module".utf8)) != nil else { continue }
            let parsed =
                name.hasSuffix(".json")
                ? HCLJSONSyntax.parse(bytes, filename: path)
                : HCLParser.parse(bytes, filename: path)
            for block in parsed.body.blocks(ofType: "module") {
                guard let source = block.body.attribute("source").flatMap({ literalString($0.expression) }) else { continue }
                guard ModuleSource.isLocal(source) else { continue }
                targets.append(tree.standardizedPath((dir as NSString).appendingPathComponent(source)))
            }
        }
        return targets
    }

    /// The text of a string literal or an interpolation-free template; nil for anything computed.
    static func literalString(_ expression: HCL.Expression) -> String? {
        switch expression.kind {
        case .literal(.string(let s)):
            return s
        case .template(let parts):
            var text = ""
            for part in parts {
                guard case .literal(let s) = part else { return nil }
                text += s
            }
            return text
        default:
            return nil
        }
    }
}
