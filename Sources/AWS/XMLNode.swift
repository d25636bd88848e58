import Foundation

/// A parsed XML element: name (namespace prefix dropped), attributes, text and child elements.
public struct XMLNode: Sendable, Hashable {
    public var name: String
    public var attributes: [String: String]
    /// The element's own character data, whitespace-trimmed.
    public var text: String
    public var children: [XMLNode]

    /// Creates a node.
    public init(name: String, attributes: [String: String] = [:], text: String = "", children: [XMLNode] = []) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    /// The first child named `name`.
    public func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// Every child named `name`.
    public func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// The node at a slash-separated path of child names (`reservationSet/item`), first match at each step.
    public func node(_ path: String) -> XMLNode? {
        var current: XMLNode? = self
        for step in path.split(separator: "/") { current = current?.child(String(step)) }
        return current
    }

    /// Every node at a slash-separated path, following all matches at each step.
    public func all(_ path: String) -> [XMLNode] {
        var current = [self]
        for step in path.split(separator: "/") { current = current.flatMap { $0.children(String(step)) } }
        return current
    }

    /// The text at `path`, nil when the element is absent.
    public func string(_ path: String) -> String? { node(path)?.text }

    /// The text at `path` read as a boolean (`true`/`false`), nil when absent or not a boolean.
    public func bool(_ path: String) -> Bool? {
        switch string(path)?.lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }

    /// The text at `path` read as a number.
    public func number(_ path: String) -> Double? { string(path).flatMap { Double($0) } }

    /// The first descendant (depth-first, self included) named `name`.
    public func first(named name: String) -> XMLNode? {
        if self.name == name { return self }
        for child in children { if let found = child.first(named: name) { return found } }
        return nil
    }

    /// Why a document could not be read.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var line: Int
        public var column: Int
        public var description: String { "line \(line), column \(column): \(message)" }
    }

    /// Parses a whole document; the root element is returned. Depth is bounded so a hostile document cannot
    /// exhaust the stack, and document type declarations (so entities beyond the predefined ones) are refused.
    public static func parse(_ data: Data, maxDepth: Int = 64) throws(ParseError) -> XMLNode {
        // Names and text are decoded as UTF-8; AWS answers in UTF-8 only, so anything else is refused up front
        // rather than turned into replacement characters.
        guard String(validating: data, as: UTF8.self) != nil else {
            throw ParseError(message: "the document is not valid UTF-8", line: 1, column: 1)
        }
        var reader = XMLReader(bytes: Array(data), maxDepth: maxDepth)
        return try reader.document()
    }
}
