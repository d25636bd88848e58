import Foundation
import HCL
import Model

/// Parses every Terraform-syntax file under some paths, on all cores, without evaluating anything.
public enum SyntaxCheck {
    /// Outcome of a syntax check.
    public struct Result: Sendable {
        public var files: [ParsedFile]
        public var bytes: Int
        public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }
    }

    /// Extensions of the files HCL parses here.
    static let extensions = [".tf", ".tf.json", ".tfvars", ".tfvars.json", ".hcl"]

    /// `paths` may be files or directories (walked recursively; hidden directories such as `.terraform` skipped).
    public static func run(_ paths: [String], limits: ParserLimits = ParserLimits()) -> Result {
        var files: [String] = []
        for path in paths { collect(path, into: &files) }
        let bytes = files.reduce(0) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
        let parsed = ModuleFiles.parse(files, displayBase: ".", limits: limits)
        return Result(files: parsed, bytes: bytes)
    }

    static func collect(_ path: String, into out: inout [String]) {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            out.append(path)  // the parser reports the missing file with its name
            return
        }
        guard isDir.boolValue else {
            out.append(path)
            return
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = (path as NSString).appendingPathComponent(name)
            var childIsDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: child, isDirectory: &childIsDir), childIsDir.boolValue {
                collect(child, into: &out)
            } else if extensions.contains(where: { name.hasSuffix($0) }) {
                out.append(child)
            }
        }
    }
}
