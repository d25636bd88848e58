import HCL
import Model

/// Reads the JSON form of a Terraform plan (`terraform show -json plan.out`) into resources and changes.
public enum PlanReader {
    /// The format majors this reader understands: 0.x (Terraform 0.12–0.15) and 1.x (1.0 onwards).
    static let supportedMajors: ClosedRange<Int> = 0...1

    /// Reads a plan JSON file. `locateSource` maps a configuration address (module keys dropped, e.g.
    /// `module.net.aws_vpc.main`) to the block's `SourceRange` when the `.tf` sources are beside the plan.
    public static func read(
        path: String, options: LoadOptions = LoadOptions(), locateSource: (@Sendable (String) -> SourceRange?)? = nil
    ) -> PlanDocument {
        switch JSONInputFile.read(path: path, maxFileSize: options.inputFileLimit, in: options.fileTree) {
        case .failure(let diagnostic): return PlanDocument(diagnostics: [diagnostic])
        case .success(let bytes): return read(bytes: bytes, filename: path, options: options, locateSource: locateSource)
        }
    }

    /// Reads plan JSON from memory; `filename` is used in origins and diagnostics.
    public static func read(
        bytes: [UInt8], filename: String, options: LoadOptions = LoadOptions(),
        locateSource: (@Sendable (String) -> SourceRange?)? = nil
    ) -> PlanDocument {
        let root: JSONNode
        switch JSONInputFile.parse(bytes, filename: filename, options: options) {
        case .failure(let diagnostic): return PlanDocument(diagnostics: [diagnostic])
        case .success(let node): root = node
        }
        var checker = JSONShapeChecker(code: .invalidPlan)
        guard root.objectMembers != nil else {
            checker.error("Expected a plan JSON object, found \(root.kindName)", at: root.range)
            return PlanDocument(diagnostics: checker.diagnostics)
        }
        guard let formatVersion = checkFormatVersion(root, checker: &checker) else {
            return PlanDocument(diagnostics: checker.diagnostics)
        }
        var document = PlanDocument(formatVersion: formatVersion)
        document.terraformVersion = checker.string(root["terraform_version"], "\"terraform_version\"")
        document.errored = root["errored"]?.kind.isTrue ?? false
        if document.errored {
            checker.warning(
                "Terraform reported an error while planning; the plan may be incomplete", at: root["errored"]?.range ?? root.range)
        }

        let changes = PlanChangesReader.read(root["resource_changes"], section: "resource_changes", checker: &checker)
        document.changes = changes.map(\.change)
        document.drift = PlanChangesReader.read(root["resource_drift"], section: "resource_drift", checker: &checker).map(\.change)

        // planned_values omits unknown attributes: they come back from each change's after_unknown.
        var afterUnknown: [String: JSONNode] = [:]
        afterUnknown.reserveCapacity(changes.count)
        for entry in changes where entry.change.deposed == nil {
            if let unknown = entry.afterUnknown { afterUnknown[entry.change.address] = unknown }
        }
        // A `terraform show -json` of a state has `values` instead of `planned_values`; same shape.
        let values = root["planned_values"] ?? root["values"]
        _ = checker.members(values, "\"planned_values\"")
        let valuesReader = PlanValuesReader(maxModuleDepth: options.maxModuleDepth)
        let entries = valuesReader.read(rootModule: values?["root_module"], checker: &checker)

        let configuration = checker.members(root["configuration"], "\"configuration\"") != nil ? root["configuration"] : nil
        let configReader = PlanConfigurationReader(maxModuleDepth: options.maxModuleDepth)
        let references = configReader.references(rootModule: configuration?["root_module"])

        document.resources = assemble(
            entries, afterUnknown: afterUnknown, references: references, filename: filename, locateSource: locateSource)

        document.outputs = readOutputs(values?["outputs"], changes: root["output_changes"], checker: &checker)
        for variable in checker.members(root["variables"], "\"variables\"") ?? [] {
            if let value = variable.value["value"] { document.variables[variable.key] = TerraformJSONValue.value(value) }
        }
        document.diagnostics = checker.diagnostics
        return document
    }

    /// Resources from the planned values, with unknowns from `after_unknown`, absolute reference
    /// edges from the configuration, and the source range of their block when `locateSource` knows it.
    private static func assemble(
        _ entries: [PlanValuesReader.Entry], afterUnknown: [String: JSONNode], references: [String: [Reference]],
        filename: String, locateSource: (@Sendable (String) -> SourceRange?)?
    ) -> [Resource] {
        var sources: [String: SourceRange?] = [:]
        var resources: [Resource] = []
        resources.reserveCapacity(entries.count)
        for entry in entries {
            let identity = entry.identity
            let address = identity.address
            var attributes = entry.attributes
            if let unknown = afterUnknown[address],
                case .object(let merged)? = TerraformJSONValue.overlayUnknown(.object(attributes), unknown)
            {
                attributes = merged
            }
            let configPath = TerraformAddress.configPath(identity.modulePath)
            let local = (identity.mode == .data ? "data." : "") + identity.type + "." + identity.name
            let configAddress = (configPath + [local]).joined(separator: ".")
            // One lookup per configuration block, not per instance: the callback may be costly.
            let source: SourceRange?
            if let cached = sources[configAddress] {
                source = cached
            } else {
                source = locateSource?(configAddress)
                sources[configAddress] = .some(source)
            }
            let prefix = identity.modulePath.isEmpty ? "" : identity.modulePath.joined(separator: ".") + "."
            let edges = (references[configAddress] ?? []).map {
                Reference(attribute: $0.attribute, target: prefix + $0.target, targetAttribute: $0.targetAttribute)
            }
            resources.append(
                Resource(
                    mode: identity.mode, provider: identity.provider, type: identity.type, name: identity.name,
                    modulePath: identity.modulePath, instanceKey: identity.instanceKey,
                    origin: .plan(file: filename, source: source), attributes: attributes, references: edges))
        }
        return resources
    }

    /// The format version when it is supported; otherwise records why the file is not a readable plan.
    private static func checkFormatVersion(_ root: JSONNode, checker: inout JSONShapeChecker) -> String? {
        guard let node = root["format_version"] else {
            if root["lineage"] != nil || root["serial"] != nil {
                checker.error("This is a Terraform state file, not a plan: read it as state", at: root.range)
            } else {
                checker.error("Not a Terraform JSON plan: no \"format_version\" (expected `terraform show -json` output)", at: root.range)
            }
            return nil
        }
        guard let text = node.stringValue else {
            checker.error("Expected \"format_version\" to be a string, found \(node.kindName)", at: node.range)
            return nil
        }
        let major = text.split(separator: ".", omittingEmptySubsequences: false).first.flatMap { Int($0) }
        guard let major, supportedMajors.contains(major) else {
            checker.error("Unsupported plan format_version \(Value.quote(text)); Bulwark reads versions 0.x and 1.x", at: node.range)
            return nil
        }
        return text
    }

    /// Planned outputs; an output without `value` is unknown (Terraform omits unknown values).
    private static func readOutputs(_ node: JSONNode?, changes: JSONNode?, checker: inout JSONShapeChecker) -> [String: PlanOutput] {
        var out: [String: PlanOutput] = [:]
        for member in checker.members(node, "\"outputs\"") ?? [] {
            let sensitive = member.value["sensitive"]?.kind.isTrue ?? false
            var value: Value = .unknown
            if let valueNode = member.value["value"] {
                value = TerraformJSONValue.value(valueNode)
                value = TerraformJSONValue.applyingUnknown(value, changes?[member.key]?["after_unknown"]) ?? value
            }
            out[member.key] = PlanOutput(value: value, sensitive: sensitive)
        }
        return out
    }
}

extension JSONNode.Kind {
    /// True for the JSON literal `true`.
    var isTrue: Bool {
        if case .bool(true) = self { return true }
        return false
    }
}
