import Model

extension HCLParser {
    /// Where a native-syntax file can be cut between its top-level items without parsing it: the offset just past
    /// the line each item but the last ends on, so comments and blank lines before an item travel with it. One lexer
    /// pass, no syntax tree. Nil when the text is not plain enough to cut safely: a byte order mark, a character that
    /// starts no token, brackets that do not balance, an unterminated string, heredoc or comment. The caller still
    /// parses each piece and checks it holds one item.
    public static func topLevelCuts(_ bytes: [UInt8]) -> [Int]? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> [Int]? in
            let (tokens, unterminatedComment) = Lexer.tokenize(buffer, from: 0, mode: .main)
            guard unterminatedComment == nil else { return nil }
            var cuts: [Int] = []
            var depth = 0
            // True from an item's first token to the newline that ends it.
            var inItem = false
            for token in tokens {
                switch token.kind {
                case .invalid, .quotedNewline: return nil
                case .oBrace, .oBrack, .oParen, .oQuote, .oHeredoc, .templateInterp, .templateControl:
                    depth += 1
                    inItem = true
                case .cBrace, .cBrack, .cParen, .cQuote, .cHeredoc, .templateSeqEnd:
                    depth -= 1
                    if depth < 0 { return nil }
                case .newline:
                    if depth == 0, inItem {
                        cuts.append(Int(token.end))
                        inItem = false
                    }
                case .eof:
                    if depth != 0 { return nil }
                default:
                    inItem = true
                }
            }
            // No cut after the last item: it runs to the end of the file with whatever follows it.
            if !inItem, !cuts.isEmpty { cuts.removeLast() }
            return cuts
        }
    }
}
