import Foundation
import HCL
import Model

/// Terraform's override files (`override.tf`, `*_override.tf`): their blocks merge into the blocks of the
/// same type and labels in the module's other files instead of declaring new ones.
enum OverrideMerger {
    /// The primary files with every override applied, plus a diagnostic for each override without a base.
    static func apply(_ files: [ParsedFile]) -> ([ParsedFile], [Diagnostic]) {
        var primary = files.filter { !ModuleFiles.isOverride(($0.filename as NSString).lastPathComponent) }
        let overrides = files.filter { ModuleFiles.isOverride(($0.filename as NSString).lastPathComponent) }
        var diagnostics: [Diagnostic] = []
        for file in overrides {
            for block in file.body.blocks {
                switch block.type {
                case "terraform", "provider", "moved", "import", "removed", "check":
                    continue  // not part of the resource model
                case "locals":
                    for attr in block.body.attributes where !replaceLocal(attr, in: &primary) {
                        diagnostics.append(
                            Diagnostic(
                                .unknownReference,
                                "Override for local value \"\(attr.name)\" has no base declaration in a non-override file",
                                at: attr.nameRange))
                    }
                default:
                    if !mergeBlock(block, into: &primary) {
                        let what = ([block.type] + block.labels.map { "\"\($0)\"" }).joined(separator: " ")
                        diagnostics.append(
                            Diagnostic(
                                .unknownReference, "Override for \(what) has no base declaration in a non-override file",
                                at: block.typeRange))
                    }
                }
            }
        }
        return (primary, diagnostics)
    }

    private static func mergeBlock(_ override: Block, into files: inout [ParsedFile]) -> Bool {
        for f in files.indices {
            for b in files[f].body.blocks.indices {
                let base = files[f].body.blocks[b]
                guard base.type == override.type, base.labels == override.labels else { continue }
                files[f].body.blocks[b].body = merged(base.body, override.body)
                return true
            }
        }
        return false
    }

    /// Attributes replace by name; nested blocks of a type present in the override replace all of that type.
    static func merged(_ base: Body, _ override: Body) -> Body {
        var out = base
        for attr in override.attributes {
            if let i = out.attributes.firstIndex(where: { $0.name == attr.name }) {
                out.attributes[i] = attr
            } else {
                out.attributes.append(attr)
            }
        }
        let replacedTypes = Set(override.blocks.map(\.type))
        out.blocks.removeAll { replacedTypes.contains($0.type) }
        out.blocks.append(contentsOf: override.blocks)
        return out
    }

    private static func replaceLocal(_ attr: Attribute, in files: inout [ParsedFile]) -> Bool {
        for f in files.indices {
            for b in files[f].body.blocks.indices where files[f].body.blocks[b].type == "locals" {
                if let i = files[f].body.blocks[b].body.attributes.firstIndex(where: { $0.name == attr.name }) {
                    files[f].body.blocks[b].body.attributes[i] = attr
                    return true
                }
            }
        }
        return false
    }
}
