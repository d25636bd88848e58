import Model

/// Postfix traversals: `.attr`, `[key]`, legacy `.0`, and the two splat forms.
extension Parser {
    mutating func parseTraversals(_ source: Expression) throws(ParseFailure) -> Expression {
        var result = source
        while true {
            let token = peek()
            switch token.kind {
            case .dot:
                next()
                let step = peek()
                switch step.kind {
                case .ident:
                    next()
                    result = Expression(.getAttribute(result, text(step)), range: extend(result, to: step))
                case .number:
                    next()
                    result = Expression(.index(result, legacyIndex(step)), range: extend(result, to: step))
                case .star:
                    next()
                    result = try parseAttributeSplat(source: result, dot: token, star: step)
                default:
                    throw fail("Expected an attribute name after \".\", found \(describe(step))", at: step)
                }
            case .oBrack:
                next()
                if peek().kind == .star {
                    try enter(token)
                    defer { leave() }
                    next()
                    let close = next()
                    guard close.kind == .cBrack else {
                        throw fail("Expected \"]\" after \"[*\" in a splat expression, found \(describe(close))", at: close)
                    }
                    // A full splat applies every following traversal (including further splats) per element.
                    let item = Expression(.splatItem, range: range(token.startByte, close.endByte))
                    let each = try parseTraversals(item)
                    return Expression(
                        .splat(source: result, each: each),
                        range: SourceRange(file: filename, start: result.range.start, end: each.range.end))
                }
                try enter(token)
                defer { leave() }
                let saved = ignoreNewlines
                ignoreNewlines = true
                defer { ignoreNewlines = saved }
                let key = try parseExpression()
                let close = peek()
                guard close.kind == .cBrack else {
                    throw fail("Expected \"]\" to close the index, found \(describe(close))", at: close)
                }
                next()
                result = Expression(.index(result, key), range: extend(result, to: close))
            default:
                return result
            }
        }
    }

    /// `source.*.a.b`: only attribute (and legacy index) steps belong to the splat; later `[i]` applies to its result.
    mutating func parseAttributeSplat(source: Expression, dot: Token, star: Token) throws(ParseFailure) -> Expression {
        var each = Expression(.splatItem, range: range(dot.startByte, star.endByte))
        var last = star
        while peek().kind == .dot {
            let nextDot = next()
            let step = peek()
            switch step.kind {
            case .ident:
                next()
                each = Expression(.getAttribute(each, text(step)), range: extend(each, to: step))
            case .number:
                next()
                each = Expression(.index(each, legacyIndex(step)), range: extend(each, to: step))
            case .star:
                throw fail("A splat expression (\"*\") cannot be nested inside an attribute-only splat (\".*\")", at: step)
            default:
                _ = nextDot
                throw fail("Expected an attribute name after \".\", found \(describe(step))", at: step)
            }
            last = step
        }
        return Expression(.splat(source: source, each: each), range: extend(source, to: last))
    }

    /// `.0` indexing inherited from HIL; `.0.1` lexes as the number `0.1` and is rejected as HCL does.
    mutating func legacyIndex(_ token: Token) -> Expression {
        var b = token.startByte
        while b < token.endByte {
            if bytes[b] == UInt8(ascii: ".") {
                error(
                    "Invalid legacy index \"\(text(token))\": chained legacy indexes are not allowed; use [\(text(token.startByte, b))][\(text(b + 1, token.endByte))] instead",
                    at: token)
                return Expression(.literal(.number(Double(text(token.startByte, b)) ?? 0)), range: range(token))
            }
            b += 1
        }
        return Expression(.literal(numberValue(token)), range: range(token))
    }

    mutating func extend(_ expression: Expression, to token: Token) -> SourceRange {
        SourceRange(file: filename, start: expression.range.start, end: position(token.endByte))
    }
}
