import Foundation
import HCL
import Model

/// Terraform's record of installed modules (`.terraform/modules/modules.json`), used to find remote module sources.
struct ModuleManifest: Sendable {
    /// Call path key (`vpc`, `vpc.subnets`) → absolute directory.
    private(set) var directories: [String: String] = [:]
    var diagnostics: [Diagnostic] = []

    /// Reads the manifest of the root module in `rootDirectory`; a manifest that itself leads outside `readRoots`
    /// (a link) is not read. The directories it lists are judged where they are used.
    init(rootDirectory: String, maxFileSize: Int, tree: any FileTree, readRoots: ReadRoots? = nil) {
        let path = (rootDirectory as NSString).appendingPathComponent(".terraform/modules/modules.json")
        if let readRoots, tree.kind(path) != nil, !readRoots.contains(path, in: tree) {
            diagnostics.append(
                Diagnostic(
                    .outsideReadRoots, "Not read: the module manifest leads outside the directories this scan may read",
                    at: .wholeFile(path), severity: .warning))
            return
        }
        guard tree.resolvedKind(path) != nil else { return }
        switch HCLParser.readFile(atPath: path, maxFileSize: maxFileSize, in: tree) {
        case .failure(let d):
            diagnostics.append(d)
        case .success(let bytes):
            do {
                let node = try JSONParser.parse(bytes, filename: path)
                for entry in node["Modules"]?.arrayItems ?? [] {
                    guard let key = entry["Key"]?.stringValue, let dir = entry["Dir"]?.stringValue, !key.isEmpty else { continue }
                    let absolute = dir.hasPrefix("/") ? dir : (rootDirectory as NSString).appendingPathComponent(dir)
                    directories[key] = tree.standardizedPath(absolute)
                }
            } catch {
                diagnostics.append(error)
            }
        }
    }

    /// The installed directory of the module at call path `key`, if Terraform recorded one.
    func directory(forKey key: String) -> String? { directories[key] }
}
