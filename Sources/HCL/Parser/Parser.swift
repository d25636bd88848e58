import Model

/// Thrown inside the parser to abandon the current body item after its diagnostic has been recorded;
/// the body loop then skips to the end of the item and carries on.
struct ParseFailure: Error {}

/// Recursive-descent parser over a token array. A struct with `mutating` methods so state access
/// needs no dynamic exclusivity checks; all buffers are borrowed for the duration of one parse.
struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<Token>
    var source: SourceText
    let filename: String
    let maxDepth: Int
    var pos = 0
    /// False in bodies and object constructors, where newlines end items; true inside
    /// parentheses, brackets, template sequences and `for` expressions.
    var ignoreNewlines = false
    var depth = 0
    var diagnostics: [Diagnostic] = []
    private var reportedTooDeep = false

    init(bytes: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>, source: SourceText, maxDepth: Int) {
        self.bytes = bytes
        self.tokens = tokens
        self.source = source
        self.filename = source.filename
        self.maxDepth = maxDepth
    }

    // MARK: Tokens

    /// The next significant token; newlines are skipped over when the context ignores them.
    @inline(__always) mutating func peek() -> Token {
        if ignoreNewlines {
            while tokens[pos].kind == .newline { pos += 1 }
        }
        return tokens[pos]
    }

    /// Consumes and returns the next significant token (never moves past end of file).
    @inline(__always) @discardableResult mutating func next() -> Token {
        let token = peek()
        if token.kind != .eof { pos += 1 }
        return token
    }

    /// The token just consumed (for end positions).
    var previous: Token { tokens[max(pos - 1, 0)] }

    func text(_ token: Token) -> String {
        text(token.startByte, token.endByte)
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    func isKeyword(_ token: Token, _ keyword: StaticString) -> Bool {
        guard token.kind == .ident, token.endByte - token.startByte == keyword.utf8CodeUnitCount else { return false }
        let k = keyword.utf8Start
        var n = 0
        var b = token.startByte
        while b < token.endByte {
            if bytes[b] != k[n] { return false }
            b += 1
            n += 1
        }
        return true
    }

    // MARK: Positions

    mutating func position(_ byte: Int) -> SourcePosition {
        source.position(byte, in: bytes)
    }

    mutating func range(_ token: Token) -> SourceRange {
        range(token.startByte, token.endByte)
    }

    mutating func range(_ start: Int, _ end: Int) -> SourceRange {
        let s = position(start)
        let e = end == start ? s : position(end)
        return SourceRange(file: filename, start: s, end: e)
    }

    mutating func range(from start: SourcePosition, to token: Token) -> SourceRange {
        SourceRange(file: filename, start: start, end: position(token.endByte))
    }

    func range(_ a: SourceRange, _ b: SourceRange) -> SourceRange {
        SourceRange(file: filename, start: a.start, end: b.end)
    }

    // MARK: Diagnostics

    mutating func error(_ message: String, at range: SourceRange, code: Diagnostic.Code = .syntax) {
        diagnostics.append(Diagnostic(code, message, at: range))
    }

    mutating func error(_ message: String, at token: Token) {
        error(message, at: range(token))
    }

    /// Records the error and abandons the current item.
    mutating func fail(_ message: String, at token: Token) -> ParseFailure {
        error(message, at: token)
        return ParseFailure()
    }

    /// How a token reads in "found …" messages.
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .newline: return "newline"
        case .eof: return "end of file"
        case .ident: return "\"\(clipped(token))\""
        case .number: return "number \(clipped(token))"
        case .oQuote: return "a quoted string"
        case .oHeredoc: return "a heredoc"
        case .cQuote: return "\"\\\"\""
        case .quotedLit, .stringLit: return "string text"
        case .quotedNewline: return "newline inside a quoted string"
        case .cHeredoc: return "a heredoc end marker"
        case .templateInterp: return "\"${\""
        case .templateControl: return "\"%{\""
        case .templateSeqEnd: return token.flag ? "\"~}\"" : "\"}\""
        case .invalid: return "invalid character \"\(clipped(token))\""
        default: return "\"\(token.kind.spelling ?? clipped(token))\""
        }
    }

    private func clipped(_ token: Token) -> String {
        let end = min(token.endByte, token.startByte + 40)
        return text(token.startByte, end)
    }

    // MARK: Nesting

    /// Counts one level of nesting; past the limit, reports `.tooDeep` (once) and abandons the item
    /// so hostile input such as 100k `[` cannot overflow the stack.
    mutating func enter(_ token: Token) throws(ParseFailure) {
        if depth >= maxDepth {
            if !reportedTooDeep {
                reportedTooDeep = true
                error("Nesting is deeper than the limit of \(maxDepth) levels", at: range(token), code: .tooDeep)
            }
            throw ParseFailure()
        }
        depth += 1
    }

    @inline(__always) mutating func leave() {
        depth -= 1
    }

    // MARK: Recovery

    /// Skips from token index `start` to the end of the body item it begins: the next newline
    /// outside any brackets/strings (consumed), or a `}` closing the enclosing body (left in place).
    mutating func skipItem(from start: Int) {
        pos = start
        var open = OpenStack()
        while true {
            let token = tokens[pos]
            switch token.kind {
            case .eof:
                return
            case .newline where open.isEmpty:
                pos += 1
                return
            case .cBrace where open.count(of: .oBrace) == 0:
                return
            default:
                open.step(token.kind)
            }
            pos += 1
        }
    }

    /// Skips to just after the `closer` that balances the current level and returns it
    /// (nil when end of file comes first).
    @discardableResult
    mutating func skipPast(_ closer: TokenKind) -> Token? {
        var open = OpenStack()
        while true {
            let token = tokens[pos]
            if token.kind == .eof { return nil }
            if open.isEmpty && token.kind == closer {
                pos += 1
                return token
            }
            open.step(token.kind)
            pos += 1
        }
    }
}

/// The brackets, strings and template sequences open while skipping, with per-kind counts so that
/// mismatched closers are resolved in constant time even on pathological input.
struct OpenStack {
    private var kinds: [TokenKind] = []
    private var counts = [Int](repeating: 0, count: 8)

    var isEmpty: Bool { kinds.isEmpty }

    private static func slot(_ kind: TokenKind) -> Int {
        switch kind {
        case .oBrace: return 0
        case .oBrack: return 1
        case .oParen: return 2
        case .oQuote: return 3
        case .oHeredoc: return 4
        default: return 5  // template sequence openers share a slot: either is closed by `}`
        }
    }

    func count(of kind: TokenKind) -> Int { counts[Self.slot(kind)] }

    mutating func step(_ kind: TokenKind) {
        switch kind {
        case .oBrace, .oBrack, .oParen, .oQuote, .oHeredoc, .templateInterp, .templateControl:
            kinds.append(kind)
            counts[Self.slot(kind)] += 1
        case .cBrace: pop(to: .oBrace)
        case .cBrack: pop(to: .oBrack)
        case .cParen: pop(to: .oParen)
        case .cQuote: pop(to: .oQuote)
        case .quotedNewline:
            // Mirrors the lexer: a line break ends the string and any interpolation it sits in.
            pop(to: .oQuote)
            while kinds.count >= 2, Self.slot(kinds[kinds.count - 1]) == 5, kinds[kinds.count - 2] == .oQuote {
                pop(to: .oQuote)
            }
        case .cHeredoc: pop(to: .oHeredoc)
        case .templateSeqEnd: pop(to: .templateInterp)
        default: break
        }
    }

    /// Closes everything up to and including the innermost opener of the closer's kind, if any is open.
    private mutating func pop(to opener: TokenKind) {
        let slot = Self.slot(opener)
        guard counts[slot] > 0 else { return }
        while let last = kinds.popLast() {
            counts[Self.slot(last)] -= 1
            if Self.slot(last) == slot { return }
        }
    }
}
