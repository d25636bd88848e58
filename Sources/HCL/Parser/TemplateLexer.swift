/// The template modes of the lexer: quoted strings, heredocs and bare templates.
extension Lexer {
    /// `${` or `%{` (with optional `~`) at `i`: emits the opener and switches to normal mode until its `}`.
    @inline(__always) mutating func lexSequenceOpener(_ kind: TokenKind) {
        let start = i
        i += 2
        let strip = at(i) == UInt8(ascii: "~")
        if strip { i += 1 }
        emit(kind, start, i, flag: strip)
        braces += 1
        retBraces.append(braces)
        modes.append(.main)
    }

    /// If `$`/`%` at `k` opens a template sequence, its token kind.
    @inline(__always) func sequenceOpener(at k: Int) -> TokenKind? {
        guard at(k + 1) == UInt8(ascii: "{") else { return nil }
        let b = bytes[k]
        if b == UInt8(ascii: "$") { return .templateInterp }
        if b == UInt8(ascii: "%") { return .templateControl }
        return nil
    }

    /// Skips over a `$`/`%` that does not open a sequence; `$${` and `%%{` are kept whole as escapes.
    @inline(__always) func literalDollarOrPercentEnd(at k: Int) -> Int {
        let b = bytes[k]
        if at(k + 1) == b, at(k + 2) == UInt8(ascii: "{") { return k + 3 }
        return k + 1
    }

    mutating func lexQuoted() {
        let start = i
        let b = bytes[i]
        if b == UInt8(ascii: "\"") {
            i += 1
            emit(.cQuote, start, i)
            popMode()
            return
        }
        if b == 0x0A || b == 0x0D {
            // Quoted strings cannot span lines. Ending the string here (rather than scanning on as HCL
            // does) lets the following lines be parsed normally after the error.
            emit(.quotedNewline, start, start)
            popMode()
            // Unwind interpolations opened inside enclosing quoted strings too (`"${"a` + newline),
            // so the next line is lexed normally instead of as the rest of an interpolation.
            while modes.count >= 3, case .main = modes[modes.count - 1], case .quoted = modes[modes.count - 2] {
                modes.removeLast(2)
                if let level = retBraces.popLast() { braces = level - 1 }
            }
            return
        }
        if let opener = sequenceOpener(at: i) {
            lexSequenceOpener(opener)
            return
        }
        var j = i
        while j < count {
            let c = bytes[j]
            if c == UInt8(ascii: "\"") || c == 0x0A || c == 0x0D { break }
            if c == UInt8(ascii: "\\") {
                let n = at(j + 1)
                j += (j + 1 < count && n != 0x0A && n != 0x0D) ? 2 : 1
                continue
            }
            if c == UInt8(ascii: "$") || c == UInt8(ascii: "%") {
                if sequenceOpener(at: j) != nil { break }
                j = literalDollarOrPercentEnd(at: j)
                continue
            }
            j += 1
        }
        i = j
        emit(.quotedLit, start, j)
    }

    mutating func lexHeredoc(markerStart: Int, markerEnd: Int, startOfLine: Bool) {
        if startOfLine, let lineEnd = closingMarkerLineEnd(markerStart: markerStart, markerEnd: markerEnd) {
            var contentEnd = lineEnd
            if contentEnd > i, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            emit(.cHeredoc, i, contentEnd)
            emit(.newline, contentEnd, lineEnd + 1)
            i = lineEnd + 1
            popMode()
            return
        }
        lexLineTemplate(heredoc: true)
    }

    /// When the line at `i` is exactly the heredoc's end marker (surrounding spaces allowed) and ends
    /// with a newline, the offset of that newline.
    func closingMarkerLineEnd(markerStart: Int, markerEnd: Int) -> Int? {
        var j = i
        while j < count, isBlank(bytes[j]) { j += 1 }
        let length = markerEnd - markerStart
        guard j + length <= count else { return nil }
        for k in 0..<length where bytes[j + k] != bytes[markerStart + k] {
            return nil
        }
        j += length
        while j < count, bytes[j] != 0x0A, isBlank(bytes[j]) { j += 1 }
        guard j < count, bytes[j] == 0x0A else { return nil }
        return j
    }

    @inline(__always) func isBlank(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C
    }

    /// One heredoc/bare-template literal: up to and including a newline, or up to a template sequence.
    /// Lines are separate tokens because strip markers and flush indentation work line by line in HCL.
    mutating func lexLineTemplate(heredoc: Bool) {
        if let opener = sequenceOpener(at: i) {
            lexSequenceOpener(opener)
            setStartOfLine(false, heredoc: heredoc)
            return
        }
        let start = i
        var j = i
        var endsLine = false
        while j < count {
            let c = bytes[j]
            if c == 0x0A {
                j += 1
                endsLine = true
                break
            }
            if c == UInt8(ascii: "$") || c == UInt8(ascii: "%") {
                if sequenceOpener(at: j) != nil { break }
                j = literalDollarOrPercentEnd(at: j)
                continue
            }
            j += 1
        }
        i = j
        emit(.stringLit, start, j)
        setStartOfLine(endsLine, heredoc: heredoc)
    }

    mutating func setStartOfLine(_ value: Bool, heredoc: Bool) {
        // The sequence opener pushed `.main`, so the heredoc is just below the top in that case.
        guard heredoc else { return }
        for index in stride(from: modes.count - 1, through: 0, by: -1) {
            if case .heredoc(let ms, let me, _) = modes[index] {
                modes[index] = .heredoc(markerStart: ms, markerEnd: me, startOfLine: value)
                return
            }
        }
    }
}
