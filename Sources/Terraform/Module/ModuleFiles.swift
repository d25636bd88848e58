import Dispatch
import Foundation
import HCL
import Model

/// Finds and parses the configuration files of one module directory.
public enum ModuleFiles {
    /// `.tf` and `.tf.json` files directly in `directory`, sorted as Terraform reads them; override files last.
    public static func configurationFiles(in directory: String, tree: any FileTree) throws(Diagnostic) -> [String] {
        guard let names = tree.entries(directory) else {
            let reason = tree.resolvedKind(directory) == nil ? "no such directory" : "not a readable directory"
            throw Diagnostic(.io, "Cannot read module directory: \(reason)", at: .wholeFile(directory))
        }
        let config = names.filter { name in
            guard !name.hasPrefix("."), !name.hasPrefix("#"), !name.hasSuffix("~") else { return false }
            return name.hasSuffix(".tf") || name.hasSuffix(".tf.json")
        }
        let primary = config.filter { !isOverride($0) }.sorted()
        let overrides = config.filter(isOverride).sorted()
        return (primary + overrides).map { (directory as NSString).appendingPathComponent($0) }
    }

    /// `override.tf`, `x_override.tf` and their JSON forms.
    static func isOverride(_ name: String) -> Bool {
        let stem = name.hasSuffix(".tf.json") ? String(name.dropLast(8)) : String(name.dropLast(3))
        return stem == "override" || stem.hasSuffix("_override")
    }

    /// Parses `paths` on all cores; results keep the order of `paths`.
    ///
    /// There is deliberately no parse cache shared between root modules: measured on 100 root modules calling
    /// the same child modules, threads sharing syntax trees contended on reference counts, and the cache doubled
    /// peak memory, while re-parsing a module costs less than both.
    /// `links`, when given, makes a file that only names another configuration file read as that file.
    static func parse(
        _ paths: [String], displayBase: String, limits: ParserLimits, in tree: any FileTree, links: ConfigurationLinks? = nil
    ) -> [ParsedFile] {
        parseCounting(paths, displayBase: displayBase, limits: limits, in: tree, links: links).map(\.file)
    }

    /// `parse`, also telling how many bytes each file had.
    static func parseCounting(
        _ paths: [String], displayBase: String, limits: ParserLimits, in tree: any FileTree, links: ConfigurationLinks? = nil
    ) -> [(file: ParsedFile, bytes: Int)] {
        let results = ConcurrentSlots<(file: ParsedFile, bytes: Int)>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            let shown = display(paths[i], base: displayBase)
            var parsed = parseOne(paths[i], display: shown, limits: limits, in: tree)
            if let links, let link = links.textLink(parsed, path: paths[i], display: shown, maxFileSize: limits.maxFileSize) {
                parsed = parseOne(link.target, display: display(link.target, base: displayBase), limits: limits, in: tree)
                parsed.file.diagnostics.append(link.warning)
            }
            results.store(parsed, at: i)
        }
        return results.values()
    }

    static func parseOne(
        _ path: String, display: String, limits: ParserLimits, in tree: any FileTree
    ) -> (file: ParsedFile, bytes: Int) {
        switch HCLParser.readFile(atPath: path, displayName: display, maxFileSize: limits.maxFileSize, in: tree) {
        case .success(let bytes):
            if path.hasSuffix(".json") {
                let schema: JSONBodySchema = path.hasSuffix(".tfvars.json") ? .attributesOnly : .terraform
                return (HCLJSONSyntax.parse(bytes, filename: display, schema: schema, maxDepth: limits.maxDepth), bytes.count)
            }
            return (HCLParser.parse(bytes, filename: display, limits: limits), bytes.count)
        case .failure(let diagnostic):
            return (ParsedFile(filename: display, body: Body(range: .wholeFile(display)), diagnostics: [diagnostic]), 0)
        }
    }

    /// Paths in messages are relative to where the user pointed us, as Terraform and Checkov print them.
    static func display(_ path: String, base: String) -> String {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        if base != "." && path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
        if base == "." && path.hasPrefix("./") { return String(path.dropFirst(2)) }
        return path
    }
}
