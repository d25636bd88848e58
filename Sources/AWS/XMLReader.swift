/// Reads the XML that AWS query and rest-xml APIs answer with into an `XMLNode` tree.
///
/// Written for this subset rather than using Foundation's `XMLParser`: on Linux that parser leaks the strings of
/// every error it reports (a few kilobytes per malformed document), so a hostile endpoint could grow a long-running
/// controller without bound. AWS never sends a document type declaration, so one is refused: that also rules out
/// entity expansion attacks and external entities.
struct XMLReader {
    private let bytes: [UInt8]
    private let maxDepth: Int
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    /// Prepares to read `bytes` (already known to be UTF-8), nesting at most `maxDepth` elements.
    init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// Reads the whole document and returns its root element.
    mutating func document() throws(XMLNode.ParseError) -> XMLNode {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
        try skipMisc()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "<") else {
            throw failure(offset < bytes.count ? "content before the root element" : "the document has no root element")
        }
        let root = try element(depth: 1)
        try skipMisc()
        guard offset == bytes.count else { throw failure("content after the root element") }
        return root
    }

    // MARK: - Structure

    /// Skips whitespace, comments and processing instructions (the XML declaration included) outside the root.
    private mutating func skipMisc() throws(XMLNode.ParseError) {
        while true {
            skipWhitespace()
            if matches("<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if matches("<!--") {
                try skip(past: "-->", what: "comment")
            } else if matches("<!") {
                throw failure("document type declarations are not accepted")
            } else {
                return
            }
        }
    }

    /// Reads one element starting at its `<`, with its attributes, text and children.
    private mutating func element(depth: Int) throws(XMLNode.ParseError) -> XMLNode {
        guard depth <= maxDepth else { throw failure("XML nested deeper than \(maxDepth) elements") }
        offset += 1
        let qualified = try name()
        var node = XMLNode(name: Self.localName(qualified))
        let selfClosing = try attributes(into: &node)
        if selfClosing { return node }
        var text: [UInt8] = []
        while true {
            guard offset < bytes.count else { throw failure("the document ends inside element '\(qualified)'") }
            let byte = bytes[offset]
            if byte != UInt8(ascii: "<") {
                try characterData(into: &text)
            } else if matches("</") {
                let tagStart = offset
                offset += 2
                let closing = try name()
                guard closing == qualified else {
                    offset = tagStart
                    throw failure("end tag '\(closing)' does not match start tag '\(qualified)'")
                }
                skipWhitespace()
                try expect(">")
                node.text = Self.trimmed(text)
                return node
            } else if matches("<![CDATA[") {
                offset += 9
                let start = offset
                try skip(past: "]]>", what: "CDATA section")
                text += bytes[start..<(offset - 3)]
            } else if matches("<!--") {
                try skip(past: "-->", what: "comment")
            } else if matches("<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if matches("<!") {
                throw failure("declarations are not accepted inside an element")
            } else {
                node.children.append(try element(depth: depth + 1))
            }
        }
    }

    /// Reads the attributes after an element name up to `>` or `/>`; true when the element closed itself.
    private mutating func attributes(into node: inout XMLNode) throws(XMLNode.ParseError) -> Bool {
        while true {
            let hadSpace = skipWhitespace()
            guard offset < bytes.count else { throw failure("the document ends inside a start tag") }
            if matches("/>") {
                offset += 2
                return true
            }
            if bytes[offset] == UInt8(ascii: ">") {
                offset += 1
                return false
            }
            guard hadSpace else { throw failure("attributes must be separated by whitespace") }
            let key = try name()
            skipWhitespace()
            try expect("=")
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") || bytes[offset] == UInt8(ascii: "'") else {
                throw failure("the value of attribute '\(key)' is not quoted")
            }
            let quote = bytes[offset]
            offset += 1
            var value: [UInt8] = []
            while offset < bytes.count, bytes[offset] != quote {
                if bytes[offset] == UInt8(ascii: "<") { throw failure("'<' in the value of attribute '\(key)'") }
                if bytes[offset] == UInt8(ascii: "&") {
                    value += try reference()
                } else {
                    advance(over: bytes[offset])
                    value.append(bytes[offset - 1])
                }
            }
            guard offset < bytes.count else { throw failure("the value of attribute '\(key)' is not closed") }
            offset += 1
            guard node.attributes[key] == nil else { throw failure("attribute '\(key)' appears twice") }
            node.attributes[key] = String(decoding: value, as: UTF8.self)
        }
    }

    /// Appends character data up to the next `<`, resolving references.
    private mutating func characterData(into text: inout [UInt8]) throws(XMLNode.ParseError) {
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "<") {
            if bytes[offset] == UInt8(ascii: "&") {
                text += try reference()
            } else {
                advance(over: bytes[offset])
                text.append(bytes[offset - 1])
            }
        }
    }

    /// Resolves a character or predefined entity reference starting at `&`; any other entity is an error.
    private mutating func reference() throws(XMLNode.ParseError) -> [UInt8] {
        let start = offset
        guard let end = bytes[offset...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
            throw failure("'&' does not start a reference")
        }
        let body = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        offset = end + 1
        switch body {
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "amp": return [UInt8(ascii: "&")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        default: break
        }
        let scalar: UInt32?
        if body.hasPrefix("#x") {
            scalar = UInt32(body.dropFirst(2), radix: 16)
        } else if body.hasPrefix("#") {
            scalar = UInt32(body.dropFirst(), radix: 10)
        } else {
            offset = start
            throw failure("undefined entity '&\(body);'")
        }
        guard let scalar, let character = Unicode.Scalar(scalar), scalar != 0 else {
            offset = start
            throw failure("'&\(body);' is not a character")
        }
        return Array(String(character).utf8)
    }

    /// Reads an XML name (element or attribute).
    private mutating func name() throws(XMLNode.ParseError) -> String {
        let start = offset
        while offset < bytes.count, Self.isNameByte(bytes[offset]) { offset += 1 }
        guard offset > start, !Self.isDigitOrPunctuationStart(bytes[start]) else { throw failure("a name was expected") }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    // MARK: - Bytes

    @discardableResult
    private mutating func skipWhitespace() -> Bool {
        let start = offset
        while offset < bytes.count, Self.isWhitespace(bytes[offset]) { advance(over: bytes[offset]) }
        return offset > start
    }

    private mutating func skip(past terminator: String, what: String) throws(XMLNode.ParseError) {
        let pattern = Array(terminator.utf8)
        while offset < bytes.count {
            if matches(pattern) {
                offset += pattern.count
                return
            }
            advance(over: bytes[offset])
        }
        throw failure("the document ends inside a \(what)")
    }

    private mutating func expect(_ character: Character) throws(XMLNode.ParseError) {
        guard let ascii = character.asciiValue, offset < bytes.count, bytes[offset] == ascii else {
            throw failure("'\(character)' was expected")
        }
        offset += 1
    }

    /// Compares against the literal's UTF-8 view in place: called at every `<`, so no array is built per call.
    private func matches(_ text: String) -> Bool {
        let count = text.utf8.count
        guard offset + count <= bytes.count else { return false }
        return bytes[offset..<(offset + count)].elementsEqual(text.utf8)
    }

    private func matches(_ pattern: [UInt8]) -> Bool {
        guard offset + pattern.count <= bytes.count else { return false }
        return bytes[offset..<(offset + pattern.count)].elementsEqual(pattern)
    }

    /// Moves past one byte, counting lines for error positions.
    private mutating func advance(over byte: UInt8) {
        offset += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            lineStart = offset
        }
    }

    private func failure(_ message: String) -> XMLNode.ParseError {
        let column = bytes[lineStart..<min(offset, bytes.count)].reduce(1) { count, byte in
            byte & 0xC0 == 0x80 ? count : count + 1
        }
        return XMLNode.ParseError(message: message, line: line, column: column)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Name characters: ASCII letters, digits, `_ - . :`, and any byte of a multi-byte UTF-8 sequence.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: ":"):
            return true
        default:
            return byte >= 0x80
        }
    }

    private static func isDigitOrPunctuationStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// The element name without its namespace prefix.
    private static func localName(_ qualified: String) -> String {
        qualified.split(separator: ":").last.map(String.init) ?? qualified
    }

    /// The text with XML whitespace trimmed from both ends.
    private static func trimmed(_ text: [UInt8]) -> String {
        guard let first = text.firstIndex(where: { !isWhitespace($0) }),
            let last = text.lastIndex(where: { !isWhitespace($0) })
        else { return "" }
        return String(decoding: text[first...last], as: UTF8.self)
    }
}
