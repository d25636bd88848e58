import Model
import Terraform

/// Renders loaded inputs for `bulwark inspect`.
enum InspectReport {
    static func text(_ inputs: [TerraformInput], showAttributes: Bool) -> String {
        var out = ""
        for input in inputs {
            out += "\(input.path) (\(input.kind.rawValue)): \(input.resources.count) resources from \(input.files.count) files\n"
            for r in input.resources {
                let location = r.origin.sourceRange.map { "  \($0)" } ?? ""
                out += "  \(r.address)\(location)\n"
                if showAttributes {
                    for key in r.attributes.keys.sorted() {
                        out += "      \(key) = \(r.attributes[key] ?? .null)\n"
                    }
                    for ref in r.references {
                        out += "      -> \(ref.attribute): \(ref.target)\(ref.targetAttribute.map { ".\($0)" } ?? "")\n"
                    }
                }
            }
            for d in input.diagnostics {
                out += "  \(d)\n"
            }
        }
        return out
    }

    /// One line per input and a total: what was loaded, without the attribute trees.
    static func summary(_ inputs: [TerraformInput]) -> String {
        var lines: [String] = []
        for input in inputs {
            let errors = input.diagnostics.filter { $0.severity == .error }.count
            lines.append(
                "\(input.path) (\(input.kind.rawValue)): \(input.resources.count) resources, \(input.files.count) files, \(errors) errors, \(input.diagnostics.count - errors) warnings"
            )
        }
        let resources = inputs.reduce(0) { $0 + $1.resources.count }
        let files = inputs.reduce(0) { $0 + $1.files.count }
        lines.append("total: \(inputs.count) inputs, \(resources) resources, \(files) files")
        return lines.joined(separator: "\n")
    }

    static func json(_ inputs: [TerraformInput]) -> String {
        var out = "{\"format_version\":\"1.0\",\"inputs\":["
        for (i, input) in inputs.enumerated() {
            if i > 0 { out += "," }
            out += "{\"path\":"
            ValueJSON.writeString(input.path, into: &out)
            out += ",\"kind\":\"\(input.kind.rawValue)\",\"files\":"
            ValueJSON.write(.tuple(input.files.map { .string($0) }), into: &out)
            out += ",\"resources\":["
            for (j, r) in input.resources.enumerated() {
                if j > 0 { out += "," }
                resource(r, into: &out)
            }
            out += "],\"diagnostics\":["
            for (j, d) in input.diagnostics.enumerated() {
                if j > 0 { out += "," }
                diagnostic(d, into: &out)
            }
            out += "]}"
        }
        return out + "]}"
    }

    static func resource(_ r: Resource, into out: inout String) {
        var fields: [String: Value] = [
            "address": .string(r.address), "mode": .string(r.mode.rawValue), "type": .string(r.type),
            "name": .string(r.name), "provider": .string(r.provider),
            "module": .tuple(r.modulePath.map { .string($0) }),
        ]
        switch r.instanceKey {
        case .int(let i)?: fields["index"] = .number(Double(i))
        case .string(let s)?: fields["index"] = .string(s)
        case nil: break
        }
        if let range = r.origin.sourceRange { fields["source"] = location(range) }
        fields["references"] = .tuple(
            r.references.map { ref in
                var o: [String: Value] = ["attribute": .string(ref.attribute), "target": .string(ref.target)]
                if let a = ref.targetAttribute { o["target_attribute"] = .string(a) }
                return .object(o)
            })
        let attributes = Value.object(r.attributes)
        fields["attributes"] = attributes
        fields["unknown"] = ValueJSON.unknownTree(attributes) ?? .object([:])
        ValueJSON.write(.object(fields), into: &out)
    }

    static func location(_ range: SourceRange) -> Value {
        .object([
            "file": .string(range.file), "line": .number(Double(range.start.line)),
            "column": .number(Double(range.start.column)), "end_line": .number(Double(range.end.line)),
        ])
    }

    static func diagnostic(_ d: Diagnostic, into out: inout String) {
        var fields: [String: Value] = [
            "code": .string(d.code.rawValue), "severity": .string(d.severity.rawValue), "message": .string(d.message),
        ]
        if let range = d.range {
            fields["file"] = .string(range.file)
            fields["line"] = .number(Double(range.start.line))
            fields["column"] = .number(Double(range.start.column))
        }
        ValueJSON.write(.object(fields), into: &out)
    }
}
