import Model
import Yams

/// A problem in a YAML file at a line and column (1-based), turned into a `Diagnostic` by the loaders.
public struct LoadError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int
    /// `.syntax` for malformed YAML, `.invalidCheck` for YAML that breaks the schema.
    public var code: Diagnostic.Code

    /// A load error at a position.
    public init(_ message: String, line: Int, column: Int, code: Diagnostic.Code = .invalidCheck) {
        self.message = message
        self.line = line
        self.column = column
        self.code = code
    }

    public var description: String { "\(line):\(column): \(message)" }

    /// The diagnostic for this error in `file`.
    public func diagnostic(file: String) -> Diagnostic {
        let position = SourcePosition(line: max(line, 1), column: max(column, 1), byte: 0)
        return Diagnostic(code, message, at: SourceRange(file: file, start: position, end: position))
    }
}

/// A YAML node with its position, detached from Yams so compiled checks never hold parser objects.
/// Public so other layers (baselines, drift data files) read YAML the same way, with the same positioned errors.
public struct YNode: Sendable {
    /// What the node holds.
    public enum Kind: Sendable {
        case scalar(Model.Value)
        case mapping([YPair])
        case sequence([YNode])
    }

    /// The node's content.
    public let kind: Kind
    /// 1-based line of the node.
    public let line: Int
    /// 1-based column of the node.
    public let column: Int

    /// Parses one YAML document; nil for an empty file. Duplicate keys, aliases and syntax errors throw.
    public static func parse(_ text: String) throws(LoadError) -> YNode? {
        // Composed without tag rules, so no scalar runs the resolver's regular expressions while composing (nor while
        // the parser hashes mapping keys); `init(_:)` resolves the plain scalars whose text could match a rule. A
        // document that fails to compose is composed again with the rules, so its error is the one it always was.
        if let root = try? Yams.compose(yaml: text, .basic, .default, YAMLTags.encoding) {
            return try YNode(root)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, YAMLTags.resolver, .default, YAMLTags.encoding)
        } catch let error as YamlError {
            throw Self.convert(error)
        } catch {
            throw LoadError("\(error)", line: 1, column: 1, code: .syntax)
        }
        guard let root else { return nil }
        return try YNode(root)
    }

    private init(kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    private init(_ node: Node) throws(LoadError) {
        let line = node.mark?.line ?? 1
        let column = node.mark?.column ?? 1
        switch node {
        case .scalar(let scalar):
            let value: Value
            switch YAMLTags.resolvedTag(of: scalar) {
            case Tag.Name.null.rawValue: value = .null
            case Tag.Name.bool.rawValue: value = node.bool.map(Value.bool) ?? .string(scalar.string)
            // YAML 1.1 base-60 integers (`1:30`) are read by Yams with arithmetic that traps on overflow; YAML 1.2
            // has no such form, so they stay text.
            case Tag.Name.int.rawValue where scalar.string.contains(":"): value = .string(scalar.string)
            case Tag.Name.int.rawValue: value = node.int.map { .number(Double($0)) } ?? .string(scalar.string)
            case Tag.Name.float.rawValue: value = node.float.map(Value.number) ?? .string(scalar.string)
            default: value = .string(scalar.string)
            }
            self.init(kind: .scalar(value), line: line, column: column)
        case .mapping(let mapping):
            var pairs: [YPair] = []
            for (k, v) in mapping {
                guard case .scalar(let keyScalar) = k else {
                    throw LoadError("mapping keys must be plain strings", line: k.mark?.line ?? line, column: k.mark?.column ?? column)
                }
                pairs.append(YPair(key: keyScalar.string, node: try YNode(v)))
            }
            self.init(kind: .mapping(pairs), line: line, column: column)
        case .sequence(let sequence):
            var items: [YNode] = []
            for item in sequence { items.append(try YNode(item)) }
            self.init(kind: .sequence(items), line: line, column: column)
        case .alias:
            throw LoadError("YAML aliases are not supported in check files", line: line, column: column)
        }
    }

    private static func convert(_ error: YamlError) -> LoadError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return LoadError("YAML syntax error: \(problem)", line: mark.line, column: mark.column, code: .syntax)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return LoadError("duplicate key \(names) in mapping", line: context.mark.line, column: context.mark.column, code: .syntax)
        case .reader(let problem, _, _, _):
            return LoadError("YAML reader error: \(problem)", line: 1, column: 1, code: .syntax)
        default:
            return LoadError("YAML error: \(error)", line: 1, column: 1, code: .syntax)
        }
    }

    // MARK: Typed access with positioned errors

    /// The pairs of a mapping; nil for other kinds.
    public var mappingPairs: [YPair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// The items of a sequence; nil for other kinds.
    public var sequenceItems: [YNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The value of a scalar; nil for other kinds.
    public var scalarValue: Value? {
        if case .scalar(let v) = kind { return v }
        return nil
    }

    /// The member `key` of a mapping.
    public subscript(key: String) -> YNode? {
        mappingPairs?.first { $0.key == key }?.node
    }

    /// A load error at this node's position.
    public func error(_ message: String) -> LoadError { LoadError(message, line: line, column: column) }

    /// The mapping's pairs, or an error naming `what`.
    public func requireMapping(_ what: String) throws(LoadError) -> [YPair] {
        guard let pairs = mappingPairs else { throw error("\(what) must be a mapping") }
        return pairs
    }

    /// Rejects keys outside `allowed`, so that a misspelt key fails loudly instead of being ignored.
    public func requireKeys(in allowed: Set<String>, _ what: String) throws(LoadError) {
        for pair in try requireMapping(what) where !allowed.contains(pair.key) {
            throw LoadError(
                "unknown key '\(pair.key)' in \(what) (expected one of: \(allowed.sorted().joined(separator: ", ")))",
                line: pair.node.line, column: pair.node.column)
        }
    }

    /// A scalar as a string (numbers and bools in Terraform's rendering).
    public func requireString(_ what: String) throws(LoadError) -> String {
        guard let v = scalarValue, let s = ValueConversions.string(v) else { throw error("\(what) must be a string") }
        return s
    }

    /// A string or a list of strings.
    public func requireStringList(_ what: String) throws(LoadError) -> [String] {
        if let items = sequenceItems {
            var out: [String] = []
            for item in items { out.append(try item.requireString("each entry of \(what)")) }
            return out
        }
        return [try requireString(what)]
    }

    /// The node as a Terraform value: sequences become tuples and mappings objects.
    public var value: Value {
        switch kind {
        case .scalar(let v): return v
        case .sequence(let items): return .tuple(items.map(\.value))
        case .mapping(let pairs):
            var members: [String: Value] = [:]
            for pair in pairs { members[pair.key] = pair.node.value }
            return .object(members)
        }
    }
}

/// One key and value of a YAML mapping, in file order.
public struct YPair: Sendable {
    /// The key text.
    public let key: String
    /// The value node.
    public let node: YNode
}
