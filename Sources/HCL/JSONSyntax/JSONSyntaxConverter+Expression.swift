import Model

extension JSONSyntaxConverter {
    /// The expression a JSON value stands for: strings are templates, arrays tuples, objects object
    /// constructors (whose keys are templates too), everything else a literal.
    mutating func expression(_ node: JSONNode) -> Expression {
        switch node.kind {
        case .null: return Expression(.literal(.null), range: node.range)
        case .bool(let b): return Expression(.literal(.bool(b)), range: node.range)
        case .number(let n, _): return Expression(.literal(.number(n)), range: node.range)
        case .string(let s): return template(s, range: node.range)
        case .array(let items):
            var elements: [Expression] = []
            elements.reserveCapacity(items.count)
            for item in items { elements.append(expression(item)) }
            return Expression(.tuple(elements), range: node.range)
        case .object(let members):
            var items: [ObjectItem] = []
            items.reserveCapacity(members.count)
            for member in members {
                let key = template(member.key, range: member.keyRange)
                items.append(ObjectItem(key: key, value: expression(member.value), keyIsIdentifier: false))
            }
            return Expression(.object(items), range: node.range)
        }
    }

    /// A JSON string as an HCL template. Strings without `${` or `%{` are plain literals, which spares
    /// the template parser the vast majority of strings.
    mutating func template(_ text: String, range: SourceRange) -> Expression {
        guard Self.mayContainTemplate(text) else { return Expression(.literal(.string(text)), range: range) }
        // Positions inside the template start just after the opening quote. JSON escapes before an
        // interpolation shift its reported column slightly; HCL's own JSON parser has the same limit.
        let start = SourcePosition(line: range.start.line, column: range.start.column + 1, byte: range.start.byte + 1)
        let (parsed, templateDiagnostics) = HCLParser.parseTemplate(Array(text.utf8), filename: filename, start: start, limits: limits)
        for diagnostic in templateDiagnostics { appendDiagnostic(diagnostic) }
        guard let parsed else { return Expression(.literal(.string(text)), range: range) }
        // The whole JSON string, quotes included, is the expression's range.
        return Expression(parsed.kind, range: range)
    }

    /// True when the text has an interpolation or directive opener (`${`, `%{`), including escaped ones.
    static func mayContainTemplate(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "{") && (previous == UInt8(ascii: "$") || previous == UInt8(ascii: "%")) { return true }
            previous = byte
        }
        return false
    }
}
