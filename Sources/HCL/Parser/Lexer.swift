/// Turns source bytes into tokens, tracking the nested string/heredoc/interpolation modes
/// the way HCL's scanner does, so the parser never has to look at raw bytes for structure.
struct Lexer {
    /// What the lexer is scanning: normal tokens, or the literal text of some kind of template.
    enum Mode {
        case main
        case quoted
        /// `marker` is the byte range of the end marker's name in the opening `<<EOT` line.
        case heredoc(markerStart: Int, markerEnd: Int, startOfLine: Bool)
        /// A template with no delimiters, ending only at the end of input.
        case bare
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    var i: Int
    var tokens: [Token] = []
    var modes: [Mode]
    /// Open braces at the current point; `retBraces` records the level at which each `${`/`%{`
    /// was opened so its `}` can be told apart from an object's closing brace.
    var braces = 0
    var retBraces: [Int] = []
    /// Start of a `/*` that never ends (it swallows the rest of the input and is reported once).
    var unterminatedComment: Int?

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, mode: Mode) {
        self.bytes = bytes
        self.count = bytes.count
        self.i = start
        self.modes = [mode]
        tokens.reserveCapacity(bytes.count / 5 + 16)
    }

    /// Lexes everything; the last token is always `.eof`.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, mode: Mode) -> (tokens: [Token], unterminatedComment: Int?) {
        var lexer = Lexer(bytes, from: start, mode: mode)
        lexer.run()
        return (lexer.tokens, lexer.unterminatedComment)
    }

    @inline(__always) func at(_ k: Int) -> UInt8 {
        k < count ? bytes[k] : 0
    }

    @inline(__always) mutating func emit(_ kind: TokenKind, _ start: Int, _ end: Int, flag: Bool = false) {
        tokens.append(Token(kind, start, end, flag: flag))
    }

    mutating func run() {
        while i < count {
            switch modes[modes.count - 1] {
            case .main: lexMain()
            case .quoted: lexQuoted()
            case .heredoc(let ms, let me, let sol): lexHeredoc(markerStart: ms, markerEnd: me, startOfLine: sol)
            case .bare: lexLineTemplate(heredoc: false)
            }
        }
        emit(.eof, count, count)
    }

    mutating func popMode() {
        if modes.count > 1 { modes.removeLast() }
    }

    /// One token (or a run of skipped spaces/comments) in normal mode.
    mutating func lexMain() {
        let start = i
        let b = bytes[i]
        switch b {
        case 0x20, 0x09:
            i += 1
            while i < count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        case 0x0A:
            i += 1
            emit(.newline, start, i)
        case 0x0D:
            if at(i + 1) == 0x0A {
                i += 2
                emit(.newline, start, i)
            } else {
                i += 1
                emit(.invalid, start, i)
            }
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
            i = identEnd(from: i + 1)
            emit(.ident, start, i)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            lexNumber()
        case UInt8(ascii: "#"):
            skipLineComment()
        case UInt8(ascii: "/"):
            let next = at(i + 1)
            if next == UInt8(ascii: "/") {
                skipLineComment()
            } else if next == UInt8(ascii: "*") {
                skipBlockComment()
            } else {
                single(.slash)
            }
        case UInt8(ascii: "\""):
            single(.oQuote)
            modes.append(.quoted)
        case UInt8(ascii: "{"):
            single(.oBrace)
            braces += 1
        case UInt8(ascii: "}"):
            closeBrace(start: start, length: 1, strip: false)
        case UInt8(ascii: "~"):
            if at(i + 1) == UInt8(ascii: "}") {
                closeBrace(start: start, length: 2, strip: true)
            } else {
                single(.invalid)
            }
        case UInt8(ascii: "<"):
            if at(i + 1) == UInt8(ascii: "<"), lexHeredocOpener() {
                return
            }
            pair(UInt8(ascii: "="), .lessEqual, else: .less)
        case UInt8(ascii: "="):
            if at(i + 1) == UInt8(ascii: "=") {
                double(.equalOp)
            } else if at(i + 1) == UInt8(ascii: ">") {
                double(.fatArrow)
            } else {
                single(.equal)
            }
        case UInt8(ascii: "!"): pair(UInt8(ascii: "="), .notEqual, else: .bang)
        case UInt8(ascii: ">"): pair(UInt8(ascii: "="), .greaterEqual, else: .greater)
        case UInt8(ascii: "&"): pair(UInt8(ascii: "&"), .and, else: .invalid)
        case UInt8(ascii: "|"): pair(UInt8(ascii: "|"), .or, else: .invalid)
        case UInt8(ascii: ":"): pair(UInt8(ascii: ":"), .doubleColon, else: .colon)
        case UInt8(ascii: "."):
            if at(i + 1) == UInt8(ascii: "."), at(i + 2) == UInt8(ascii: ".") {
                i += 3
                emit(.ellipsis, start, i)
            } else {
                single(.dot)
            }
        case UInt8(ascii: "["): single(.oBrack)
        case UInt8(ascii: "]"): single(.cBrack)
        case UInt8(ascii: "("): single(.oParen)
        case UInt8(ascii: ")"): single(.cParen)
        case UInt8(ascii: ","): single(.comma)
        case UInt8(ascii: "*"): single(.star)
        case UInt8(ascii: "%"): single(.percent)
        case UInt8(ascii: "+"): single(.plus)
        case UInt8(ascii: "-"): single(.minus)
        case UInt8(ascii: "?"): single(.question)
        case 0x80...0xFF:
            let (scalar, length) = decodeScalar(at: i)
            if let scalar, scalar.properties.isIDStart {
                i = identEnd(from: i + length)
                emit(.ident, start, i)
            } else {
                i += length
                emit(.invalid, start, i)
            }
        default:
            single(.invalid)
        }
    }

    @inline(__always) mutating func single(_ kind: TokenKind) {
        emit(kind, i, i + 1)
        i += 1
    }

    @inline(__always) mutating func double(_ kind: TokenKind) {
        emit(kind, i, i + 2)
        i += 2
    }

    @inline(__always) mutating func pair(_ second: UInt8, _ kind: TokenKind, else other: TokenKind) {
        if at(i + 1) == second { double(kind) } else { single(other) }
    }

    /// `}` closes a template sequence when the brace level matches the one its `${` opened at.
    mutating func closeBrace(start: Int, length: Int, strip: Bool) {
        i += length
        if let last = retBraces.last, last == braces {
            emit(.templateSeqEnd, start, i, flag: strip)
            retBraces.removeLast()
            braces -= 1
            popMode()
        } else {
            // A stray `~}` is still reported as a sequence end so the parser can complain about it.
            emit(strip ? .templateSeqEnd : .cBrace, start, i, flag: strip)
            braces -= 1
        }
    }

    /// Ends just before the `\n` (or `\r\n`) so the newline is still emitted: comments end lines.
    mutating func skipLineComment() {
        while i < count {
            let b = bytes[i]
            if b == 0x0A { return }
            if b == 0x0D, at(i + 1) == 0x0A { return }
            i += 1
        }
    }

    mutating func skipBlockComment() {
        let start = i
        i += 2
        while i + 1 < count {
            if bytes[i] == UInt8(ascii: "*"), bytes[i + 1] == UInt8(ascii: "/") {
                i += 2
                return
            }
            i += 1
        }
        i = count
        unterminatedComment = start
    }

    /// HCL numbers: a digit, then digits, dots and exponents, never ending in a dot (so `1...` is `1` `...`).
    mutating func lexNumber() {
        let start = i
        var j = i + 1
        var end = j
        while j < count {
            let c = bytes[j]
            if c >= 0x30 && c <= 0x39 {
                j += 1
                end = j
            } else if c == UInt8(ascii: ".") {
                j += 1
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                let n = at(j + 1)
                if n >= 0x30 && n <= 0x39 {
                    j += 2
                    end = j
                } else if n == UInt8(ascii: "+") || n == UInt8(ascii: "-"), at(j + 2) >= 0x30, at(j + 2) <= 0x39 {
                    j += 3
                    end = j
                } else {
                    break
                }
            } else {
                break
            }
        }
        i = end
        emit(.number, start, end)
    }

    /// Identifier continuation: letters, digits, `_`, `-` and Unicode ID_Continue characters.
    func identEnd(from start: Int) -> Int {
        var j = start
        while j < count {
            let c = bytes[j]
            if c < 0x80 {
                if (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39)
                    || c == 0x5F || c == 0x2D
                {
                    j += 1
                    continue
                }
                return j
            }
            let (scalar, length) = decodeScalar(at: j)
            guard let scalar, scalar.properties.isIDContinue else { return j }
            j += length
        }
        return j
    }

    /// Decodes the scalar at `k` (lead byte >= 0x80); a malformed sequence yields nil and length 1.
    func decodeScalar(at k: Int) -> (Unicode.Scalar?, Int) {
        guard let base = bytes.baseAddress else { return (nil, 1) }
        let length = SourceText.validUTF8Length(base, k, count)
        guard length > 0 else { return (nil, 1) }
        var value = UInt32(bytes[k]) & (0xFF >> UInt32(length + 1))
        for n in 1..<length {
            value = (value << 6) | (UInt32(bytes[k + n]) & 0x3F)
        }
        return (Unicode.Scalar(value), length)
    }

    /// Recognises `<<EOT\n` / `<<-EOT\n`; anything else leaves `i` untouched so `<` is lexed normally.
    mutating func lexHeredocOpener() -> Bool {
        let start = i
        var j = i + 2
        let flush = at(j) == UInt8(ascii: "-")
        if flush { j += 1 }
        let markerStart = j
        let c = at(j)
        if (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F {
            j = identEnd(from: j + 1)
        } else if c >= 0x80, case (let scalar?, let length) = decodeScalar(at: j), scalar.properties.isIDStart {
            j = identEnd(from: j + length)
        } else {
            return false
        }
        let markerEnd = j
        if at(j) == 0x0D { j += 1 }
        guard at(j) == 0x0A else { return false }
        j += 1
        emit(.oHeredoc, start, j, flag: flush)
        i = j
        modes.append(.heredoc(markerStart: markerStart, markerEnd: markerEnd, startOfLine: true))
        return true
    }
}
