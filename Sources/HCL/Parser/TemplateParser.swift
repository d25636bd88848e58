import Model

/// One template token after literal decoding and strip markers, before directives are nested.
enum RawTemplatePart {
    case literal(String)
    case interpolation(Expression)
    case ifOpen(Expression, SourceRange)
    case forOpen(keyVariable: String?, valueVariable: String, collection: Expression, range: SourceRange)
    case elseMark(SourceRange)
    case endIf(SourceRange)
    case endFor(SourceRange)
}

/// Quoted strings, heredocs and bare templates: `${}` interpolation, `%{}` directives, `~` strip markers.
extension Parser {
    /// A quoted string or heredoc whose opening token has been consumed.
    mutating func parseTemplateLiteral(open: Token) throws(ParseFailure) -> Expression {
        let start = position(open.startByte)
        try enter(open)
        defer { leave() }
        let closer: TokenKind = open.kind == .oQuote ? .cQuote : .cHeredoc
        // Fast path for the overwhelmingly common plain string: one literal token, no sequences.
        if open.kind == .oQuote {
            let first = tokens[pos]
            if first.kind == .cQuote {
                pos += 1
                return Expression(.literal(.string("")), range: range(from: start, to: first))
            }
            if first.kind == .quotedLit, tokens[pos + 1].kind == .cQuote {
                let close = tokens[pos + 1]
                pos += 2
                let value = decodeLiteral(first, quoted: true)
                return Expression(.literal(.string(value)), range: range(from: start, to: close))
            }
        }
        var (parts, close) = try parseTemplateParts(closer: closer, open: open)
        if open.kind == .oHeredoc && open.flag {
            Heredoc.flush(&parts)
        }
        return buildTemplate(parts, range: range(from: start, to: close))
    }

    /// A template that runs to the end of input (the lexer was started in bare mode).
    mutating func parseBareTemplate() throws(ParseFailure) -> Expression {
        let first = tokens[pos]
        let start = position(first.startByte)
        let (parts, close) = try parseTemplateParts(closer: .eof, open: first)
        return buildTemplate(parts, range: range(from: start, to: close))
    }

    /// Reads template tokens up to `closer`, applying strip markers the way HCL does: a `~` trims
    /// whitespace only from the adjacent literal token (heredoc literals are one token per line).
    mutating func parseTemplateParts(closer: TokenKind, open: Token) throws(ParseFailure) -> ([RawTemplatePart], Token) {
        var parts: [RawTemplatePart] = []
        var trimNextLeading = false
        var lastWasLiteral = false
        while true {
            let token = tokens[pos]
            if token.kind == closer {
                if closer != .eof { pos += 1 }
                return (parts, token)
            }
            let trimLeading = trimNextLeading
            trimNextLeading = false
            let canTrimPrevious = lastWasLiteral
            lastWasLiteral = false
            switch token.kind {
            case .quotedLit, .stringLit:
                pos += 1
                var literal = decodeLiteral(token, quoted: token.kind == .quotedLit)
                if trimLeading { literal = Heredoc.trimmingLeadingWhitespace(literal) }
                parts.append(.literal(literal))
                lastWasLiteral = true
            case .templateInterp, .templateControl:
                if canTrimPrevious, token.flag, case .literal(let previous)? = parts.last {
                    parts[parts.count - 1] = .literal(Heredoc.trimmingTrailingWhitespace(previous))
                }
                pos += 1
                let (part, close) = try parseSequence(opener: token)
                if let part { parts.append(part) }
                trimNextLeading = close.flag
            case .quotedNewline:
                throw fail(
                    "Unterminated string: expected a closing \"\\\"\" before the end of the line; quoted strings cannot span lines (use \"\\n\" or a heredoc)",
                    at: Token(.newline, token.startByte, token.startByte + 1))
            case .eof:
                if open.kind == .oHeredoc {
                    let marker = heredocMarker(open)
                    throw fail(
                        "Unterminated heredoc: expected a line containing only \"\(marker)\", found end of file",
                        at: open)
                }
                throw fail("Unterminated string: expected a closing \"\\\"\", found end of file", at: open)
            default:
                throw fail("Unexpected \(describe(token)) in a template", at: token)
            }
        }
    }

    /// The name after `<<` / `<<-`.
    func heredocMarker(_ open: Token) -> String {
        var start = open.startByte + 2
        if bytes[start] == UInt8(ascii: "-") { start += 1 }
        var end = open.endByte - 1
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return text(start, end)
    }

    /// One `${ ... }` or `%{ ... }` sequence whose opener has been consumed; returns the part and the closer.
    private mutating func parseSequence(opener: Token) throws(ParseFailure) -> (RawTemplatePart?, Token) {
        let start = position(opener.startByte)
        let saved = ignoreNewlines
        ignoreNewlines = true
        defer { ignoreNewlines = saved }
        if opener.kind == .templateInterp {
            let expression = try parseExpression()
            let close = try sequenceEnd(what: "the interpolation")
            return (.interpolation(expression), close)
        }
        let keyword = peek()
        guard keyword.kind == .ident else {
            throw fail(
                "Expected a template directive keyword (if, for, else, endif or endfor) after \"%{\", found \(describe(keyword))",
                at: keyword)
        }
        next()
        let name = text(keyword)
        switch name {
        case "if":
            let condition = try parseExpression()
            let close = try sequenceEnd(what: "the %{if} directive")
            return (.ifOpen(condition, range(from: start, to: close)), close)
        case "else", "endif", "endfor":
            let close = try sequenceEnd(what: "the %{\(name)} directive")
            let directiveRange = range(from: start, to: close)
            switch name {
            case "else": return (.elseMark(directiveRange), close)
            case "endif": return (.endIf(directiveRange), close)
            default: return (.endFor(directiveRange), close)
            }
        case "for":
            let (keyVariable, valueVariable) = try parseLoopVariables(
                construct: "the %{for} directive", forKeyword: "\"for\" in the %{for} directive")
            let collection = try parseExpression()
            let close = try sequenceEnd(what: "the %{for} directive")
            return (
                .forOpen(
                    keyVariable: keyVariable, valueVariable: valueVariable, collection: collection,
                    range: range(from: start, to: close)),
                close
            )
        default:
            throw fail(
                "Unknown template directive \"\(name)\": expected if, for, else, endif or endfor", at: keyword)
        }
    }

    private mutating func sequenceEnd(what: String) throws(ParseFailure) -> Token {
        let close = peek()
        guard close.kind == .templateSeqEnd else {
            if close.kind == .eof {
                throw fail("Expected \"}\" to end \(what), found end of file", at: close)
            }
            throw fail("Expected \"}\" to end \(what), found \(describe(close))", at: close)
        }
        next()
        return close
    }

    /// Melds adjacent literals, nests directives (reporting unbalanced ones) and picks the expression kind.
    mutating func buildTemplate(_ raw: [RawTemplatePart], range: SourceRange) -> Expression {
        var melded: [RawTemplatePart] = []
        // Accumulate runs of literals in one buffer: heredocs arrive one line at a time, and
        // re-concatenating the whole prefix per line would be quadratic.
        var pending = ""
        var hasPending = false
        for part in raw {
            if case .literal(let text) = part {
                pending += text
                hasPending = true
                continue
            }
            if hasPending {
                melded.append(.literal(pending))
                pending = ""
                hasPending = false
            }
            melded.append(part)
        }
        if hasPending { melded.append(.literal(pending)) }
        if melded.isEmpty { return Expression(.literal(.string("")), range: range) }
        if melded.count == 1, case .literal(let text) = melded[0] {
            return Expression(.literal(.string(text)), range: range)
        }
        return Expression(.template(nestDirectives(melded)), range: range)
    }

    /// Turns the flat if/else/endif/for/endfor markers into nested parts with an explicit stack,
    /// so deeply nested directives cannot exhaust the call stack.
    private mutating func nestDirectives(_ flat: [RawTemplatePart]) -> [TemplatePart] {
        struct Frame {
            var open: RawTemplatePart?
            var then: [TemplatePart] = []
            var otherwise: [TemplatePart] = []
            var inElse = false
            mutating func append(_ part: TemplatePart) {
                if inElse { otherwise.append(part) } else { then.append(part) }
            }
        }
        var stack = [Frame(open: nil)]
        func close(_ frame: Frame, end: SourceRange?) -> TemplatePart? {
            switch frame.open {
            case .ifOpen(let condition, let openRange)?:
                return .ifDirective(
                    condition: condition, then: frame.then, else: frame.otherwise,
                    range: end.map { range(openRange, $0) } ?? openRange)
            case .forOpen(let key, let value, let collection, let openRange)?:
                return .forDirective(
                    keyVariable: key, valueVariable: value, collection: collection, body: frame.then,
                    range: end.map { range(openRange, $0) } ?? openRange)
            default:
                return nil
            }
        }
        for part in flat {
            switch part {
            case .literal(let text):
                stack[stack.count - 1].append(.literal(text))
            case .interpolation(let expression):
                stack[stack.count - 1].append(.interpolation(expression))
            case .ifOpen, .forOpen:
                if depth + stack.count > maxDepth {
                    if case .ifOpen(_, let r) = part { error("Template directives are nested too deeply", at: r, code: .tooDeep) }
                    if case .forOpen(_, _, _, let r) = part { error("Template directives are nested too deeply", at: r, code: .tooDeep) }
                }
                stack.append(Frame(open: part))
            case .elseMark(let r):
                if case .ifOpen? = stack[stack.count - 1].open, !stack[stack.count - 1].inElse {
                    stack[stack.count - 1].inElse = true
                } else {
                    error("Unexpected %{else}: it must be inside an %{if} directive, before %{endif}", at: r)
                }
            case .endIf(let r), .endFor(let r):
                let isIf: Bool
                if case .endIf = part { isIf = true } else { isIf = false }
                let top = stack[stack.count - 1]
                var matches = false
                if case .ifOpen? = top.open { matches = isIf }
                if case .forOpen? = top.open { matches = !isIf }
                guard matches, stack.count > 1 else {
                    let name = isIf ? "endif" : "endfor"
                    let expected = isIf ? "an %{if}" : "a %{for}"
                    error("Unexpected %{\(name)}: there is no open \(expected) directive to close here", at: r)
                    continue
                }
                stack.removeLast()
                if let done = close(top, end: r) { stack[stack.count - 1].append(done) }
            }
        }
        while stack.count > 1 {
            let top = stack.removeLast()
            if case .ifOpen(_, let r)? = top.open {
                error("Unterminated %{if} directive: expected %{endif} before the end of the template", at: r)
            } else if case .forOpen(_, _, _, let r)? = top.open {
                error("Unterminated %{for} directive: expected %{endfor} before the end of the template", at: r)
            }
            if let done = close(top, end: nil) { stack[stack.count - 1].append(done) }
        }
        return stack[0].then
    }
}
