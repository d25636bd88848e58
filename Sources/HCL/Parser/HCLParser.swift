import Model

/// Entry points of the HCL native-syntax parser. Nothing here throws or traps on bad input:
/// every problem becomes a `Diagnostic`, and the returned AST holds whatever could be parsed.
public enum HCLParser {
    /// Parses a native-syntax file (.tf, .tfvars, .hcl). Never throws, never crashes: problems are diagnostics; the body holds everything parsed before/around errors.
    public static func parse(_ bytes: [UInt8], filename: String, limits: ParserLimits = ParserLimits()) -> ParsedFile {
        let empty = Body(range: .wholeFile(filename))
        if let problem = sizeProblem(bytes.count, filename: filename, limits: limits) {
            return ParsedFile(filename: filename, body: empty, diagnostics: [problem])
        }
        return bytes.withUnsafeBufferPointer { buffer in
            var source = SourceText(filename: filename, origin: .start)
            let start = bomLength(buffer)
            if let problem = encodingProblem(source.scan(buffer, from: start), buffer, &source) {
                if problem.code == .binaryFile {
                    return ParsedFile(filename: filename, body: empty, diagnostics: [problem])
                }
                var file = parseBody(buffer, start: start, source: source, limits: limits)
                file.diagnostics.insert(problem, at: 0)
                return file
            }
            return parseBody(buffer, start: start, source: source, limits: limits)
        }
    }

    /// Reads then parses; size cap checked before reading; IO errors become a `.io` diagnostic.
    /// `tree` is where the file lives: the disk unless a snapshot (a Git commit) is given.
    public static func parseFile(
        atPath path: String, displayName: String? = nil, limits: ParserLimits = ParserLimits(),
        in tree: any FileTree = DiskFileTree()
    ) -> ParsedFile {
        let name = displayName ?? path
        switch readFile(atPath: path, displayName: name, maxFileSize: limits.maxFileSize, in: tree) {
        case .success(let bytes):
            return parse(bytes, filename: name, limits: limits)
        case .failure(let diagnostic):
            return ParsedFile(filename: name, body: Body(range: .wholeFile(name)), diagnostics: [diagnostic])
        }
    }

    /// Reads a whole file of `tree` (the disk by default) with the size cap checked before reading
    /// (`.fileTooLarge`); other failures are `.io`. Shared by every reader of configuration, plan, state and
    /// tfvars files, so a missing file reads the same from the disk and from a snapshot.
    public static func readFile(
        atPath path: String, displayName: String? = nil, maxFileSize: Int, in tree: any FileTree = DiskFileTree()
    ) -> Result<[UInt8], Diagnostic> {
        let name = displayName ?? path
        switch tree.read(path, maxSize: maxFileSize) {
        case .success(let bytes):
            return .success(bytes)
        case .tooLarge(let size):
            return .failure(tooLarge(size, filename: name, limits: ParserLimits(maxFileSize: maxFileSize)))
        case .missing:
            // strerror(ENOENT)'s wording, so the diagnostic does not depend on where the tree lives.
            return .failure(Diagnostic(.io, "Cannot read \(path): No such file or directory", at: .wholeFile(name)))
        case .failure(let message):
            return .failure(Diagnostic(.io, "Cannot read \(path): \(message)", at: .wholeFile(name)))
        }
    }

    /// One standalone expression (used for tfvars -var values, JSON-syntax `${}`-free expressions such as variable `type` strings). `start` offsets all ranges (the text may sit inside another file).
    public static func parseExpression(
        _ bytes: [UInt8], filename: String, start: SourcePosition = .start, limits: ParserLimits = ParserLimits()
    ) -> (Expression?, [Diagnostic]) {
        parseFragment(bytes, filename: filename, start: start, limits: limits, mode: .main) { parser throws(ParseFailure) in
            parser.ignoreNewlines = true
            let expression = try parser.parseExpression()
            let extra = parser.peek()
            guard extra.kind == .eof else {
                throw parser.fail("Expected the end of the expression, found \(parser.describe(extra))", at: extra)
            }
            return expression
        }
    }

    /// A bare template (no surrounding quotes): `templatefile` sources and HCL-JSON string values. Returns an Expression of kind `.template` (or `.literal(.string)` when there are no interpolations/directives). `start` offsets ranges.
    public static func parseTemplate(
        _ bytes: [UInt8], filename: String, start: SourcePosition = .start, limits: ParserLimits = ParserLimits()
    ) -> (Expression?, [Diagnostic]) {
        parseFragment(bytes, filename: filename, start: start, limits: limits, mode: .bare) { parser throws(ParseFailure) in
            try parser.parseBareTemplate()
        }
    }

    // MARK: Shared steps

    private static func parseBody(
        _ buffer: UnsafeBufferPointer<UInt8>, start: Int, source: SourceText, limits: ParserLimits
    ) -> ParsedFile {
        let (tokens, unterminatedComment) = Lexer.tokenize(buffer, from: start, mode: .main)
        return tokens.withUnsafeBufferPointer { tokenBuffer in
            var parser = Parser(bytes: buffer, tokens: tokenBuffer, source: source, maxDepth: limits.maxDepth)
            parser.reportUnterminatedComment(unterminatedComment)
            let body = parser.parseFileBody()
            return ParsedFile(filename: source.filename, body: body, diagnostics: parser.sortedDiagnostics())
        }
    }

    private static func parseFragment(
        _ bytes: [UInt8], filename: String, start: SourcePosition, limits: ParserLimits, mode: Lexer.Mode,
        _ body: (inout Parser) throws(ParseFailure) -> Expression
    ) -> (Expression?, [Diagnostic]) {
        if let problem = sizeProblem(bytes.count, filename: filename, limits: limits) {
            return (nil, [problem])
        }
        return bytes.withUnsafeBufferPointer { buffer in
            var source = SourceText(filename: filename, origin: start)
            if let problem = encodingProblem(source.scan(buffer, from: 0), buffer, &source) {
                return (nil, [problem])
            }
            let (tokens, unterminatedComment) = Lexer.tokenize(buffer, from: 0, mode: mode)
            return tokens.withUnsafeBufferPointer { tokenBuffer in
                var parser = Parser(bytes: buffer, tokens: tokenBuffer, source: source, maxDepth: limits.maxDepth)
                parser.reportUnterminatedComment(unterminatedComment)
                do throws(ParseFailure) {
                    let expression = try body(&parser)
                    return (expression, parser.sortedDiagnostics())
                } catch {
                    return (nil, parser.sortedDiagnostics())
                }
            }
        }
    }

    private static func sizeProblem(_ size: Int, filename: String, limits: ParserLimits) -> Diagnostic? {
        size > limits.maxFileSize || size >= Int(UInt32.max) ? tooLarge(size, filename: filename, limits: limits) : nil
    }

    private static func tooLarge(_ size: Int, filename: String, limits: ParserLimits) -> Diagnostic {
        Diagnostic(
            .fileTooLarge, "File is \(size) bytes, larger than the limit of \(limits.maxFileSize) bytes",
            at: .wholeFile(filename))
    }

    private static func bomLength(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
    }

    /// NUL bytes mean a binary file (not parsed at all); malformed UTF-8 is reported at its first byte.
    private static func encodingProblem(
        _ scan: SourceText.ScanResult, _ buffer: UnsafeBufferPointer<UInt8>, _ source: inout SourceText
    ) -> Diagnostic? {
        if let nul = scan.firstNUL {
            let at = source.position(nul, in: buffer)
            return Diagnostic(
                .binaryFile, "File contains a NUL byte and looks binary, not HCL text",
                at: SourceRange(file: source.filename, start: at, end: at))
        }
        if let bad = scan.firstInvalidUTF8 {
            let at = source.position(bad, in: buffer)
            let end = source.position(bad + 1, in: buffer)
            return Diagnostic(
                .invalidUTF8, "Invalid UTF-8: byte 0x\(String(buffer[bad], radix: 16, uppercase: true)) is not valid here",
                at: SourceRange(file: source.filename, start: at, end: end))
        }
        return nil
    }
}

extension Parser {
    /// An unterminated `/*` swallows the rest of the input, so the lexer reports where it began.
    mutating func reportUnterminatedComment(_ start: Int?) {
        guard let start else { return }
        error(
            "Unterminated comment: expected \"*/\" to close the comment opened here, found end of file",
            at: range(start, start + 2))
    }

    /// Diagnostics in source order (recovery can record them slightly out of order).
    func sortedDiagnostics() -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let l = lhs.element.range?.start.byte ?? -1
            let r = rhs.element.range?.start.byte ?? -1
            return l != r ? l < r : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
