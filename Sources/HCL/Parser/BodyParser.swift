import Model

/// Bodies, attributes and blocks: the newline-sensitive structural layer of the native syntax.
extension Parser {
    /// Parses the top-level body of a file, up to end of input.
    mutating func parseFileBody() -> Body {
        ignoreNewlines = false
        let start = position(tokens[0].startByte)
        var body = Body(range: SourceRange(file: filename, start: start, end: start))
        parseBodyItems(into: &body, open: nil)
        body.range = SourceRange(file: filename, start: start, end: position(tokens[tokens.count - 1].endByte))
        return body
    }

    /// Parses items until `}` (when `open` is the block's brace) or end of file (top level).
    /// Returns the closing brace if one was found.
    @discardableResult
    mutating func parseBodyItems(into body: inout Body, open: Token?) -> Token? {
        while true {
            let token = tokens[pos]
            switch token.kind {
            case .newline:
                pos += 1
            case .ident:
                let itemStart = pos
                do throws(ParseFailure) {
                    try parseBodyItem(into: &body)
                } catch {
                    skipItem(from: itemStart)
                }
            case .cBrace where open != nil:
                pos += 1
                return token
            case .eof:
                if let open {
                    error("Unclosed block: expected \"}\" to close the block opened here, found end of file", at: open)
                }
                return nil
            default:
                var message = "Expected an attribute or block definition, found \(describe(token))"
                if token.kind == .oQuote {
                    message = "Expected an attribute or block definition, found a quoted string (attribute names must not be quoted)"
                } else if token.kind == .cBrace {
                    message = "Unexpected \"}\": there is no open block to close"
                }
                error(message, at: token)
                if token.kind == .cBrace { pos += 1 }
                skipItem(from: pos)
            }
        }
    }

    mutating func parseBodyItem(into body: inout Body) throws(ParseFailure) {
        let name = next()
        let after = tokens[pos]
        switch after.kind {
        case .equal:
            body.attributes.append(try parseAttribute(name: name, singleLine: false))
        case .oQuote, .oBrace, .ident:
            body.blocks.append(try parseBlock(type: name))
        default:
            error(
                "Expected \"=\" or \"{\" after \"\(text(name))\", found \(describe(after)); an attribute needs an equals sign and a block needs a body in braces",
                at: name)
            throw ParseFailure()
        }
    }

    /// `name = expression`, then (outside single-line blocks) a newline or end of file.
    mutating func parseAttribute(name: Token, singleLine: Bool) throws(ParseFailure) -> Attribute {
        next()  // "="
        let nameRange = range(name)
        let expression = try parseExpression()
        let attribute = Attribute(
            name: text(name), nameRange: nameRange, expression: expression,
            range: range(nameRange, expression.range))
        if !singleLine {
            let end = tokens[pos]
            switch end.kind {
            case .newline:
                pos += 1
            case .eof:
                break
            case .comma:
                error(
                    "Unexpected \",\" after the value of \"\(attribute.name)\": each argument must be on its own line, separated by newlines, not commas",
                    at: end)
                skipItem(from: pos)
            default:
                error("Expected a newline after the value of \"\(attribute.name)\", found \(describe(end))", at: end)
                skipItem(from: pos)
            }
        }
        return attribute
    }

    /// `type label... { body }`; the caller has consumed `type`.
    mutating func parseBlock(type: Token) throws(ParseFailure) -> Block {
        var labels: [String] = []
        var labelRanges: [SourceRange] = []
        let typeRange = range(type)
        var open: Token
        labelLoop: while true {
            let token = tokens[pos]
            switch token.kind {
            case .oBrace:
                open = token
                pos += 1
                break labelLoop
            case .ident:
                pos += 1
                labels.append(text(token))
                labelRanges.append(range(token))
            case .oQuote:
                let (label, labelRange) = try parseQuotedLabel()
                labels.append(label)
                labelRanges.append(labelRange)
            case .equal:
                throw fail(
                    "Unexpected \"=\" in the definition of block \"\(text(type))\": an equals sign introduces an argument, not a block",
                    at: token)
            case .newline:
                throw fail(
                    "Expected \"{\" to open the body of block \"\(text(type))\" on the same line, found newline", at: token)
            default:
                throw fail(
                    "Expected a block label or \"{\" in the definition of block \"\(text(type))\", found \(describe(token))",
                    at: token)
            }
        }
        try enter(open)
        defer { leave() }
        var body = Body(range: range(open))
        let first = tokens[pos]
        let close: Token?
        if first.kind == .newline || first.kind == .eof || first.kind == .cBrace {
            close = parseBodyItems(into: &body, open: open)
        } else {
            close = parseSingleLineBody(into: &body, open: open, blockType: type)
        }
        let last = close ?? previous
        body.range = SourceRange(file: filename, start: body.range.start, end: position(last.endByte))
        let block = Block(
            type: text(type), labels: labels, typeRange: typeRange, labelRanges: labelRanges, body: body,
            range: SourceRange(file: filename, start: typeRange.start, end: body.range.end))
        guard close != nil else { return block }
        let end = tokens[pos]
        switch end.kind {
        case .newline: pos += 1
        case .eof: break
        default:
            error(
                "Expected a newline after the closing brace of block \"\(block.type)\", found \(describe(end))", at: end)
            skipItem(from: pos)
        }
        return block
    }

    /// `b { a = 1 }`: exactly one attribute, closed on the same line.
    mutating func parseSingleLineBody(into body: inout Body, open: Token, blockType: Token) -> Token? {
        let name = tokens[pos]
        guard name.kind == .ident else {
            error("Expected an argument name or a newline after \"{\", found \(describe(name))", at: name)
            return skipPast(.cBrace)
        }
        pos += 1
        let after = tokens[pos]
        if after.kind != .equal {
            if after.kind == .oQuote || after.kind == .oBrace || after.kind == .ident {
                error(
                    "A single-line block cannot contain a nested block; place block \"\(text(name))\" on its own line",
                    at: range(name.startByte, after.endByte))
            } else {
                error("Expected \"=\" after \"\(text(name))\", found \(describe(after))", at: name)
            }
            return skipPast(.cBrace)
        }
        do throws(ParseFailure) {
            body.attributes.append(try parseAttribute(name: name, singleLine: true))
        } catch {
            return skipPast(.cBrace)
        }
        let end = tokens[pos]
        switch end.kind {
        case .cBrace:
            pos += 1
            return end
        case .comma:
            error("Only one argument is allowed in a single-line block; put each argument on its own line", at: end)
        case .newline:
            error(
                "Expected \"}\" after the argument of a single-line block, found newline; a single-line block must be closed on the same line",
                at: end)
        case .eof:
            error("Unclosed block: expected \"}\" to close the block opened here, found end of file", at: open)
            return nil
        default:
            error("Expected \"}\" to close the single-line block \"\(text(blockType))\", found \(describe(end))", at: end)
        }
        return skipPast(.cBrace)
    }

    /// A block label: a quoted string without interpolation or directives.
    mutating func parseQuotedLabel() throws(ParseFailure) -> (String, SourceRange) {
        let open = next()
        let start = position(open.startByte)
        var label = ""
        while true {
            let token = tokens[pos]
            switch token.kind {
            case .quotedLit:
                pos += 1
                label += decodeLiteral(token, quoted: true)
            case .cQuote:
                pos += 1
                return (label, range(from: start, to: token))
            case .templateInterp, .templateControl:
                let sigil = token.kind == .templateInterp ? "$" : "%"
                throw fail(
                    "Template sequences are not allowed in block labels; to write a literal \"\(sigil){\", double it as \"\(sigil)\(sigil){\"",
                    at: token)
            case .quotedNewline:
                throw fail(
                    "Unterminated string: expected a closing \"\\\"\" before the end of the line; quoted strings cannot span lines",
                    at: Token(.newline, token.startByte, token.startByte + 1))
            default:
                throw fail("Unterminated string: expected a closing \"\\\"\", found \(describe(token))", at: open)
            }
        }
    }
}
