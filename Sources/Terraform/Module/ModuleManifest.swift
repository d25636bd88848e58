import Foundation
import HCL
import Model

/// Terraform's record of installed modules (`.terraform/modules/modules.json`), used to find remote module sources.
struct ModuleManifest: Sendable {
    /// Call path key (`vpc`, `vpc.subnets`) → absolute directory.
    private(set) var directories: [String: String] = [:]
    var diagnostics: [Diagnostic] = []

    init(rootDirectory: String, maxFileSize: Int, tree: any FileTree) {
        let path = (rootDirectory as NSString).appendingPathComponent(".terraform/modules/modules.json")
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
