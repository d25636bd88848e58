/// The kinds of token the lexer produces; one byte so token arrays stay compact.
enum TokenKind: UInt8, Sendable {
    case ident, number, newline
    case oBrace, cBrace, oBrack, cBrack, oParen, cParen
    case dot, comma, star, slash, percent, plus, minus, equal, less, greater, bang, question, colon
    case equalOp, notEqual, lessEqual, greaterEqual, and, or, doubleColon, ellipsis, fatArrow
    /// `"` opening and closing a quoted template.
    case oQuote, cQuote
    /// Literal text inside a quoted template (escapes still encoded).
    case quotedLit
    /// A line break inside a quoted template: the string is unterminated; the lexer resumes normal mode.
    case quotedNewline
    /// `<<EOT` or `<<-EOT` including its newline; `flag` is set for the flush form.
    case oHeredoc
    /// The closing marker line of a heredoc (without its newline, which follows as `.newline`).
    case cHeredoc
    /// Literal text of a heredoc or bare template, at most one line (escapes not processed).
    case stringLit
    /// `${` / `%{`; `flag` is set when followed by the `~` strip marker.
    case templateInterp, templateControl
    /// `}` / `~}` closing a template sequence; `flag` is set for `~}`.
    case templateSeqEnd
    /// A character that starts no token (`&`, `|`, `;`, a non-letter Unicode character, …).
    case invalid
    case eof
}

/// One token: its kind and byte span in the source. 12 bytes, so millions of tokens stay cheap.
struct Token: Sendable {
    var kind: TokenKind
    /// Kind-specific bit: strip marker on template openers/closers, flush form on heredoc openers.
    var flag: Bool
    var start: UInt32
    var end: UInt32

    init(_ kind: TokenKind, _ start: Int, _ end: Int, flag: Bool = false) {
        self.kind = kind
        self.flag = flag
        self.start = UInt32(truncatingIfNeeded: start)
        self.end = UInt32(truncatingIfNeeded: end)
    }

    var startByte: Int { Int(start) }
    var endByte: Int { Int(end) }
}

extension TokenKind {
    /// The binary operator this token stands for, if any.
    var binaryOperator: BinaryOperator? {
        switch self {
        case .star: return .multiply
        case .slash: return .divide
        case .percent: return .modulo
        case .plus: return .add
        case .minus: return .subtract
        case .greater: return .greater
        case .greaterEqual: return .greaterOrEqual
        case .less: return .less
        case .lessEqual: return .lessOrEqual
        case .equalOp: return .equal
        case .notEqual: return .notEqual
        case .and: return .and
        case .or: return .or
        default: return nil
        }
    }

    /// Fixed spelling of punctuation tokens, for diagnostics.
    var spelling: String? {
        switch self {
        case .oBrace: return "{"
        case .cBrace: return "}"
        case .oBrack: return "["
        case .cBrack: return "]"
        case .oParen: return "("
        case .cParen: return ")"
        case .dot: return "."
        case .comma: return ","
        case .star: return "*"
        case .slash: return "/"
        case .percent: return "%"
        case .plus: return "+"
        case .minus: return "-"
        case .equal: return "="
        case .less: return "<"
        case .greater: return ">"
        case .bang: return "!"
        case .question: return "?"
        case .colon: return ":"
        case .equalOp: return "=="
        case .notEqual: return "!="
        case .lessEqual: return "<="
        case .greaterEqual: return ">="
        case .and: return "&&"
        case .or: return "||"
        case .doubleColon: return "::"
        case .ellipsis: return "..."
        case .fatArrow: return "=>"
        default: return nil
        }
    }
}
