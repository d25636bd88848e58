import Model

/// The contents of a file or a block: attributes and nested blocks, in source order.
public struct Body: Sendable {
    public var attributes: [Attribute]
    public var blocks: [Block]
    public var range: SourceRange

    public init(attributes: [Attribute] = [], blocks: [Block] = [], range: SourceRange) {
        self.attributes = attributes
        self.blocks = blocks
        self.range = range
    }

    /// The attribute named `name`, if present.
    public func attribute(_ name: String) -> Attribute? {
        attributes.first { $0.name == name }
    }

    /// The nested blocks of type `type`, in source order.
    public func blocks(ofType type: String) -> [Block] {
        blocks.filter { $0.type == type }
    }
}

/// `name = expression`.
public struct Attribute: Sendable {
    public var name: String
    public var nameRange: SourceRange
    public var expression: Expression
    /// From the start of the name to the end of the expression.
    public var range: SourceRange

    public init(name: String, nameRange: SourceRange, expression: Expression, range: SourceRange) {
        self.name = name
        self.nameRange = nameRange
        self.expression = expression
        self.range = range
    }
}

/// `type "label" label { body }`.
public struct Block: Sendable {
    public var type: String
    public var labels: [String]
    public var typeRange: SourceRange
    public var labelRanges: [SourceRange]
    public var body: Body
    /// From the start of the type keyword to the closing brace.
    public var range: SourceRange

    public init(
        type: String, labels: [String], typeRange: SourceRange, labelRanges: [SourceRange], body: Body,
        range: SourceRange
    ) {
        self.type = type
        self.labels = labels
        self.typeRange = typeRange
        self.labelRanges = labelRanges
        self.body = body
        self.range = range
    }
}

/// A parsed file: its body (possibly partial after errors) and every problem found.
public struct ParsedFile: Sendable {
    public var filename: String
    public var body: Body
    public var diagnostics: [Diagnostic]

    public init(filename: String, body: Body, diagnostics: [Diagnostic]) {
        self.filename = filename
        self.body = body
        self.diagnostics = diagnostics
    }

    /// True when the file parsed without errors.
    public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }
}
