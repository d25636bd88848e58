import Model

/// Expressions: conditionals, binary operators by precedence, unary operators and terms.
extension Parser {
    /// A full expression: `cond ? a : b` or anything below it.
    mutating func parseExpression() throws(ParseFailure) -> Expression {
        let condition = try parseBinary(minPrecedence: 1)
        let question = peek()
        guard question.kind == .question else { return condition }
        next()
        try enter(question)
        defer { leave() }
        let whenTrue = try parseExpression()
        let colon = peek()
        guard colon.kind == .colon else {
            throw fail(
                "Expected \":\" and a false result in the conditional expression, found \(describe(colon))", at: colon)
        }
        next()
        let whenFalse = try parseExpression()
        return Expression(
            .conditional(condition: condition, whenTrue: whenTrue, whenFalse: whenFalse),
            range: range(condition.range, whenFalse.range))
    }

    /// Precedence climbing; operators of equal precedence associate to the left as in HCL.
    mutating func parseBinary(minPrecedence: Int) throws(ParseFailure) -> Expression {
        var lhs = try parseOperand()
        while true {
            let token = peek()
            guard let op = token.kind.binaryOperator, op.precedence >= minPrecedence else { return lhs }
            next()
            let rhs = try parseBinary(minPrecedence: op.precedence + 1)
            lhs = Expression(.binary(op, lhs, rhs), range: range(lhs.range, rhs.range))
        }
    }

    /// A term with its traversals, or a unary operator applied to one (so `-a + b` is `(-a) + b`).
    mutating func parseOperand() throws(ParseFailure) -> Expression {
        let token = peek()
        if token.kind == .minus || token.kind == .bang {
            next()
            try enter(token)
            defer { leave() }
            let operand = try parseOperand()
            let op: UnaryOperator = token.kind == .minus ? .negate : .not
            return Expression(
                .unary(op, operand),
                range: SourceRange(file: filename, start: position(token.startByte), end: operand.range.end))
        }
        let term = try parseTerm()
        return try parseTraversals(term)
    }

    mutating func parseTerm() throws(ParseFailure) -> Expression {
        let token = peek()
        switch token.kind {
        case .number:
            next()
            return Expression(.literal(numberValue(token)), range: range(token))
        case .ident:
            next()
            let after = peek()
            if after.kind == .oParen || after.kind == .doubleColon {
                return try parseCall(name: token)
            }
            let kind: Expression.Kind
            if isKeyword(token, "true") {
                kind = .literal(.bool(true))
            } else if isKeyword(token, "false") {
                kind = .literal(.bool(false))
            } else if isKeyword(token, "null") {
                kind = .literal(.null)
            } else {
                kind = .variable(text(token))
            }
            return Expression(kind, range: range(token))
        case .oParen:
            next()
            let start = position(token.startByte)
            try enter(token)
            defer { leave() }
            let saved = ignoreNewlines
            ignoreNewlines = true
            defer { ignoreNewlines = saved }
            let inner = try parseExpression()
            let close = peek()
            guard close.kind == .cParen else {
                throw fail("Expected \")\" to close the parenthesis, found \(describe(close))", at: close)
            }
            next()
            return Expression(.parentheses(inner), range: range(from: start, to: close))
        case .oQuote, .oHeredoc:
            next()
            return try parseTemplateLiteral(open: token)
        case .oBrack:
            next()
            return try parseTuple(open: token)
        case .oBrace:
            next()
            return try parseObject(open: token)
        case .eof:
            throw fail("Expected an expression, found end of file", at: token)
        default:
            throw fail("Expected an expression, found \(describe(token))", at: token)
        }
    }

    /// `name(args)` or `ns::name(args)`; the name token has been consumed.
    mutating func parseCall(name: Token) throws(ParseFailure) -> Expression {
        let start = position(name.startByte)
        var fullName = text(name)
        while peek().kind == .doubleColon {
            next()
            let part = next()
            guard part.kind == .ident else {
                throw fail("Expected a function name after \"::\", found \(describe(part))", at: part)
            }
            fullName += "::" + text(part)
        }
        let open = next()
        guard open.kind == .oParen else {
            throw fail("Expected \"(\" after the function name \"\(fullName)\", found \(describe(open))", at: open)
        }
        try enter(open)
        defer { leave() }
        let saved = ignoreNewlines
        ignoreNewlines = true
        defer { ignoreNewlines = saved }
        var arguments: [Expression] = []
        var expandFinal = false
        var close: Token
        while true {
            if peek().kind == .cParen {
                close = next()
                break
            }
            arguments.append(try parseExpression())
            let separator = next()
            if separator.kind == .cParen {
                close = separator
                break
            }
            if separator.kind == .ellipsis {
                expandFinal = true
                close = next()
                guard close.kind == .cParen else {
                    throw fail(
                        "Expected \")\" right after the expanded final argument (\"...\") of \"\(fullName)\", found \(describe(close))",
                        at: close)
                }
                break
            }
            guard separator.kind == .comma else {
                if separator.kind == .eof {
                    throw fail("Unterminated call of \"\(fullName)\": expected \")\", found end of file", at: open)
                }
                throw fail(
                    "Expected \",\" or \")\" after argument \(arguments.count) of \"\(fullName)\", found \(describe(separator))",
                    at: separator)
            }
        }
        return Expression(
            .call(name: fullName, arguments: arguments, expandFinal: expandFinal),
            range: range(from: start, to: close))
    }

    /// `[a, b, c]` or `[for ...]`; the `[` has been consumed.
    mutating func parseTuple(open: Token) throws(ParseFailure) -> Expression {
        let start = position(open.startByte)
        try enter(open)
        defer { leave() }
        let saved = ignoreNewlines
        ignoreNewlines = true
        defer { ignoreNewlines = saved }
        if isKeyword(peek(), "for") {
            return try parseFor(start: start, closer: .cBrack)
        }
        var items: [Expression] = []
        var close: Token
        while true {
            if peek().kind == .cBrack {
                close = next()
                break
            }
            items.append(try parseExpression())
            let separator = peek()
            if separator.kind == .cBrack {
                close = next()
                break
            }
            guard separator.kind == .comma else {
                if separator.kind == .eof {
                    throw fail("Unterminated tuple: expected \"]\" to close the \"[\" opened here, found end of file", at: open)
                }
                throw fail("Expected \",\" or \"]\" after a tuple element, found \(describe(separator))", at: separator)
            }
            next()
        }
        return Expression(.tuple(items), range: range(from: start, to: close))
    }

    /// `{ key = value ... }` or `{for ...}`; the `{` has been consumed.
    mutating func parseObject(open: Token) throws(ParseFailure) -> Expression {
        let start = position(open.startByte)
        try enter(open)
        defer { leave() }
        let saved = ignoreNewlines
        defer { ignoreNewlines = saved }
        // `for` may sit on the next line: for expressions are not newline-sensitive.
        ignoreNewlines = true
        if isKeyword(peek(), "for") {
            return try parseFor(start: start, closer: .cBrace)
        }
        ignoreNewlines = false
        var items: [ObjectItem] = []
        var close: Token
        while true {
            let first = peek()
            if first.kind == .newline {
                next()
                continue
            }
            if first.kind == .cBrace {
                close = next()
                break
            }
            if first.kind == .eof {
                throw fail("Unterminated object: expected \"}\" to close the \"{\" opened here, found end of file", at: open)
            }
            let keyStart = pos
            var key = try parseExpression()
            var keyIsIdentifier = false
            if first.kind == .ident, pos == keyStart + 1 {
                // A lone identifier (including true/false/null) names the key literally.
                key = Expression(.literal(.string(text(first))), range: key.range)
                keyIsIdentifier = true
            }
            let separator = peek()
            guard separator.kind == .equal || separator.kind == .colon else {
                if separator.kind == .eof {
                    throw fail("Unterminated object: expected \"}\" to close the \"{\" opened here, found end of file", at: open)
                }
                throw fail(
                    "Expected \"=\" or \":\" after the object key, found \(describe(separator))", at: separator)
            }
            next()
            let value = try parseExpression()
            items.append(ObjectItem(key: key, value: value, keyIsIdentifier: keyIsIdentifier))
            let end = peek()
            if end.kind == .cBrace {
                close = next()
                break
            }
            guard end.kind == .comma || end.kind == .newline else {
                if end.kind == .eof {
                    throw fail("Unterminated object: expected \"}\" to close the \"{\" opened here, found end of file", at: open)
                }
                throw fail(
                    "Expected a newline or \",\" after the object item, found \(describe(end))", at: end)
            }
            next()
        }
        return Expression(.object(items), range: range(from: start, to: close))
    }

    /// `k, v in` or `v in` after a `for` keyword, shared by for expressions and `%{for}` directives;
    /// `construct` and `forKeyword` name the context in error messages.
    mutating func parseLoopVariables(construct: String, forKeyword: String) throws(ParseFailure) -> (key: String?, value: String) {
        let first = next()
        guard first.kind == .ident else {
            throw fail("Expected a variable name after \(forKeyword), found \(describe(first))", at: first)
        }
        var keyVariable: String?
        var valueVariable = text(first)
        if peek().kind == .comma {
            next()
            let second = next()
            guard second.kind == .ident else {
                throw fail("Expected a value variable name after \",\" in \(construct), found \(describe(second))", at: second)
            }
            keyVariable = valueVariable
            valueVariable = text(second)
        }
        let inToken = next()
        guard isKeyword(inToken, "in") else {
            throw fail("Expected \"in\" after \(construct)'s variables, found \(describe(inToken))", at: inToken)
        }
        return (keyVariable, valueVariable)
    }

    /// `for k, v in coll : ...` up to and including the closer; newlines are already ignored.
    mutating func parseFor(start: SourcePosition, closer: TokenKind) throws(ParseFailure) -> Expression {
        next()  // "for"
        let (keyVariable, valueVariable) = try parseLoopVariables(construct: "the for expression", forKeyword: "\"for\"")
        let collection = try parseExpression()
        let colon = next()
        guard colon.kind == .colon else {
            throw fail("Expected \":\" after the for expression's collection, found \(describe(colon))", at: colon)
        }
        var keyExpression: Expression?
        var valueExpression = try parseExpression()
        if peek().kind == .fatArrow {
            next()
            keyExpression = valueExpression
            valueExpression = try parseExpression()
        }
        var ellipsis: Token?
        if peek().kind == .ellipsis {
            ellipsis = next()
        }
        var condition: Expression?
        if isKeyword(peek(), "if") {
            next()
            condition = try parseExpression()
        }
        let close = next()
        guard close.kind == closer else {
            let expected = closer == .cBrack ? "]" : "}"
            throw fail("Expected \"\(expected)\" to end the for expression, found \(describe(close))", at: close)
        }
        if closer == .cBrack {
            if let keyExpression {
                error("A tuple for expression cannot have a key (\"=>\"); use braces to build an object", at: keyExpression.range)
            }
            if let ellipsis {
                error("Grouping (\"...\") is only allowed in an object for expression", at: ellipsis)
            }
        } else if keyExpression == nil {
            error("An object for expression needs a key: {for k, v in coll : key => value}", at: valueExpression.range)
        }
        let loop = ForExpression(
            keyVariable: keyVariable, valueVariable: valueVariable, collection: collection,
            keyExpression: closer == .cBrace ? keyExpression : nil, valueExpression: valueExpression,
            condition: condition, grouping: ellipsis != nil)
        return Expression(.forExpression(loop), range: range(from: start, to: close))
    }
}
