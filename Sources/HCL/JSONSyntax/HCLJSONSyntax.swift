import Model

/// HCL's JSON syntax (`.tf.json`, `.tfvars.json`), converted into the same AST as the native syntax
/// so the loader treats both alike. Follows hashicorp/hcl `json/spec.md`.
public enum HCLJSONSyntax {
    /// Parses a JSON configuration file. `schema` says which properties are blocks and how many labels
    /// they take; every other property is an attribute whose value is an expression (strings are templates).
    public static func parse(
        _ bytes: [UInt8], filename: String, schema: JSONBodySchema = .terraform, maxDepth: Int = 128
    ) -> ParsedFile {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes, filename: filename, maxDepth: maxDepth)
        } catch {
            return ParsedFile(filename: filename, body: Body(range: .wholeFile(filename)), diagnostics: [error])
        }
        var converter = JSONSyntaxConverter(
            filename: filename, limits: ParserLimits(maxFileSize: max(bytes.count, 1), maxDepth: maxDepth))
        let body = converter.body(root, schema: schema)
        return ParsedFile(filename: filename, body: body, diagnostics: converter.diagnostics)
    }
}

/// The conversion state: diagnostics collected while walking one file.
struct JSONSyntaxConverter {
    let filename: String
    let limits: ParserLimits
    private(set) var diagnostics: [Diagnostic] = []

    init(filename: String, limits: ParserLimits) {
        self.filename = filename
        self.limits = limits
    }

    mutating func error(_ message: String, at range: SourceRange, code: Diagnostic.Code = .syntax) {
        diagnostics.append(Diagnostic(code, message, at: range))
    }

    /// Adds a diagnostic produced elsewhere (the template parser).
    mutating func appendDiagnostic(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// A body from an object, or from an array of objects whose properties are merged (HCL allows both).
    mutating func body(_ node: JSONNode, schema: JSONBodySchema) -> Body {
        var result = Body(range: node.range)
        var attributeRanges: [String: SourceRange] = [:]
        for members in objects(node, expecting: "a JSON object (or an array of objects) for a body") {
            for member in members {
                // `"//"` is the JSON syntax's comment property.
                if member.key == "//" { continue }
                if let block = schema.blockTypes[member.key] {
                    unpackBlocks(
                        member.value, type: member.key, typeRange: member.keyRange, labelsLeft: block.labels,
                        labels: [], labelRanges: [], schema: block, into: &result.blocks)
                    continue
                }
                if let previous = attributeRanges[member.key] {
                    error(
                        "Duplicate argument \(Value.quote(member.key)); it was already set at \(previous)",
                        at: member.keyRange, code: .duplicate)
                    continue
                }
                attributeRanges[member.key] = member.keyRange
                result.attributes.append(
                    Attribute(
                        name: member.key, nameRange: member.keyRange, expression: expression(member.value),
                        range: member.keyRange.through(member.value.range)))
            }
        }
        return result
    }

    /// The member lists of an object, or of each object in an array; anything else is reported.
    private mutating func objects(_ node: JSONNode, expecting what: String) -> [[JSONMember]] {
        switch node.kind {
        case .object(let members):
            return [members]
        case .array(let items):
            var out: [[JSONMember]] = []
            for item in items {
                if let members = item.objectMembers {
                    out.append(members)
                } else {
                    error("Incorrect JSON value type: expected \(what), found \(item.kindName) in the array", at: item.range)
                }
            }
            return out
        default:
            error("Incorrect JSON value type: expected \(what), found \(node.kindName)", at: node.range)
            return []
        }
    }

    /// Each level of object keys is one label; after the last label the value is one body (an object)
    /// or several blocks with the same labels (an array of objects).
    private mutating func unpackBlocks(
        _ node: JSONNode, type: String, typeRange: SourceRange, labelsLeft: Int, labels: [String],
        labelRanges: [SourceRange], schema: JSONBlockSchema, into blocks: inout [Block]
    ) {
        if labelsLeft > 0 {
            let what = "a JSON object (or an array of objects) whose keys are the labels of \(Value.quote(type)) blocks"
            for members in objects(node, expecting: what) {
                for member in members {
                    unpackBlocks(
                        member.value, type: type, typeRange: typeRange, labelsLeft: labelsLeft - 1,
                        labels: labels + [member.key], labelRanges: labelRanges + [member.keyRange],
                        schema: schema, into: &blocks)
                }
            }
            return
        }
        let bodies: [JSONNode]
        switch node.kind {
        case .object: bodies = [node]
        case .array(let items): bodies = items
        default:
            error(
                "Incorrect JSON value type: expected a JSON object (or an array of objects) for the body of a \(Value.quote(type)) block, found \(node.kindName)",
                at: node.range)
            return
        }
        let bodySchema = schema.body()
        for bodyNode in bodies {
            guard bodyNode.objectMembers != nil else {
                error(
                    "Incorrect JSON value type: expected a JSON object for the body of a \(Value.quote(type)) block, found \(bodyNode.kindName)",
                    at: bodyNode.range)
                continue
            }
            blocks.append(
                Block(
                    type: type, labels: labels, typeRange: typeRange, labelRanges: labelRanges,
                    body: body(bodyNode, schema: bodySchema), range: typeRange.through(bodyNode.range)))
        }
    }
}
