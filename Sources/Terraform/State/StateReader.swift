import HCL
import Model

/// Reads Terraform state files (`terraform.tfstate`, `terraform state pull`), format version 4.
///
/// Each instance's `dependencies` become `Reference`s with an empty `attribute` and no
/// `targetAttribute`: state records *that* an object depends on another (explicit `depends_on` and
/// every reference, merged), not through which attribute, and inventing one (such as "depends_on")
/// would claim more than the file says.
public enum StateReader {
    /// The only state format version read: Terraform 0.12 and later write 4.
    static let supportedVersion = 4

    /// Reads a state file.
    public static func read(path: String, options: LoadOptions = LoadOptions()) -> StateDocument {
        switch JSONInputFile.read(path: path, maxFileSize: options.inputFileLimit, in: options.fileTree) {
        case .failure(let diagnostic): return StateDocument(diagnostics: [diagnostic])
        case .success(let bytes): return read(bytes: bytes, filename: path, options: options)
        }
    }

    /// Reads state JSON from memory; `filename` is used in origins and diagnostics.
    public static func read(bytes: [UInt8], filename: String, options: LoadOptions = LoadOptions()) -> StateDocument {
        let root: JSONNode
        switch JSONInputFile.parse(bytes, filename: filename, options: options) {
        case .failure(let diagnostic): return StateDocument(diagnostics: [diagnostic])
        case .success(let node): root = node
        }
        var checker = JSONShapeChecker(code: .invalidState)
        guard root.objectMembers != nil else {
            checker.error("Expected a state JSON object, found \(root.kindName)", at: root.range)
            return StateDocument(diagnostics: checker.diagnostics)
        }
        guard let version = checkVersion(root, checker: &checker) else {
            return StateDocument(diagnostics: checker.diagnostics)
        }
        var document = StateDocument(version: version)
        document.terraformVersion = checker.string(root["terraform_version"], "\"terraform_version\"")
        document.lineage = checker.string(root["lineage"], "\"lineage\"")
        if let serial = root["serial"] {
            if case .number(let n, _) = serial.kind, let int = Int(exactly: n) {
                document.serial = int
            } else {
                checker.error("Expected \"serial\" to be an integer, found \(serial.kindName)", at: serial.range)
            }
        }
        for output in checker.members(root["outputs"], "\"outputs\"") ?? [] {
            document.outputs[output.key] = output.value["value"].map(TerraformJSONValue.value) ?? .null
            if output.value["sensitive"]?.kind.isTrue == true { document.sensitiveOutputs.insert(output.key) }
        }

        var entries = StateResourceReader(filename: filename).read(root["resources"], checker: &checker)
        StateDependencyResolver.resolve(&entries)
        for entry in entries {
            if entry.deposed { document.deposed.append(entry.resource) } else { document.resources.append(entry.resource) }
        }
        document.diagnostics = checker.diagnostics
        return document
    }

    /// The state version when it is 4; otherwise records why the file cannot be read.
    private static func checkVersion(_ root: JSONNode, checker: inout JSONShapeChecker) -> Int? {
        guard let node = root["version"] else {
            if root["format_version"] != nil {
                checker.error("This is `terraform show -json` output (plan or state), not a state file: read it as a plan", at: root.range)
            } else {
                checker.error("Not a Terraform state file: no \"version\"", at: root.range)
            }
            return nil
        }
        guard case .number(let n, _) = node.kind, let version = Int(exactly: n) else {
            checker.error("Expected \"version\" to be an integer, found \(node.kindName)", at: node.range)
            return nil
        }
        if version < supportedVersion {
            checker.error(
                "State format version \(version) (Terraform 0.11 or earlier) is not supported; Bulwark reads version 4. "
                    + "Upgrade it by running `terraform refresh` or `terraform state pull` with Terraform 0.12 or later",
                at: node.range)
            return nil
        }
        if version > supportedVersion {
            checker.error("State format version \(version) is newer than the version 4 Bulwark reads", at: node.range)
            return nil
        }
        return version
    }
}
