import Model

/// A request, written in a comment or a skip file, not to evaluate a check on a resource.
public struct Suppression: Sendable, Hashable {
    /// The comment dialect, which decides which IDs the suppression is matched against.
    public enum Kind: String, Sendable, Hashable {
        /// `# bulwark:skip=BLW-AWS-S3-001 reason` — matches the check ID.
        case bulwark
        /// `#checkov:skip=CKV_AWS_18:reason` — matches `references.checkov`.
        case checkov
        /// `#trivy:ignore:AVD-AWS-0086` — matches `references.avd` and `references.tfsec`.
        case trivy
        /// `#tfsec:ignore:aws-s3-enable-versioning` — matches `references.avd` and `references.tfsec`.
        case tfsec
    }

    public var kind: Kind
    /// The ID as written.
    public var id: String
    public var reason: String
    /// Trivy/tfsec `:exp:YYYY-MM-DD`; after this day the suppression no longer applies.
    public var expires: CalendarDate?
    /// Where the comment is, when parsed from a file.
    public var range: SourceRange?

    /// Builds a suppression.
    public init(kind: Kind, id: String, reason: String = "", expires: CalendarDate? = nil, range: SourceRange? = nil) {
        self.kind = kind
        self.id = id
        self.reason = reason
        self.expires = expires
        self.range = range
    }

    /// Whether this suppression names `check` in its dialect.
    public func applies(to check: CheckDefinition) -> Bool {
        let wanted = id.uppercased()
        let same: (String) -> Bool = { $0.uppercased() == wanted }
        switch kind {
        case .bulwark:
            return same(check.id)
        case .checkov:
            return same(check.id) || check.references.checkov.contains(where: same)
        case .trivy, .tfsec:
            return check.references.avd.contains { same($0) || $0.uppercased() == "AVD-" + wanted }
                || check.references.tfsec.contains(where: same)
        }
    }

    /// The comment form, for skip reasons in reports.
    public var directive: String {
        switch kind {
        case .bulwark: return "bulwark:skip=\(id)"
        case .checkov: return "checkov:skip=\(id)"
        case .trivy: return "trivy:ignore:\(id)"
        case .tfsec: return "tfsec:ignore:\(id)"
        }
    }
}

/// Parses suppression comments (`#` or `//`) out of a resource block's source text.
public enum InlineSuppressions {
    /// Suppressions in `blockSource` plus those in the comment lines directly above the block (the trailing
    /// comment lines of `precedingText`), which is where trivy and tfsec expect them.
    public static func parse(blockSource: String, precedingText: String? = nil) -> [Suppression] {
        var out: [Suppression] = []
        if let precedingText {
            for line in commentLinesAbove(precedingText) { scan(line, lineNumber: nil, file: nil, into: &out) }
        }
        for line in blockSource.split(separator: "\n", omittingEmptySubsequences: false) {
            scan(line, lineNumber: nil, file: nil, into: &out)
        }
        return out
    }

    /// Suppressions for the block at `range` of a file's text, with each suppression's file and line set.
    public static func parse(fileContents: String, range: SourceRange) -> [Suppression] {
        parse(lines: fileContents.split(separator: "\n", omittingEmptySubsequences: false), range: range)
    }

    /// As `parse(fileContents:range:)`, for a caller that splits each file into lines once for all its blocks.
    public static func parse(lines: [Substring], range: SourceRange) -> [Suppression] {
        var out: [Suppression] = []
        let first = max(range.start.line, 1)
        let last = min(max(range.end.line, first), lines.count)
        guard first <= lines.count else { return out }
        var above = first - 1
        while above >= 1, isCommentLine(lines[above - 1]) { above -= 1 }
        for n in (above + 1)..<first { scan(lines[n - 1], lineNumber: n, file: range.file, into: &out) }
        for n in first...last { scan(lines[n - 1], lineNumber: n, file: range.file, into: &out) }
        return out
    }

    private static func isCommentLine(_ line: Substring) -> Bool {
        let t = line.drop { $0 == " " || $0 == "\t" }
        return t.hasPrefix("#") || t.hasPrefix("//")
    }

    private static func commentLinesAbove(_ text: String) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Text ending in a newline leaves an empty last piece that is the start of the block's own line.
        if let last = lines.last, last.allSatisfy({ $0 == " " || $0 == "\t" }) { lines.removeLast() }
        var out: [Substring] = []
        while let last = lines.last, isCommentLine(last) {
            out.insert(last, at: 0)
            lines.removeLast()
        }
        return out
    }

    private static let directives: [(marker: String, kind: Suppression.Kind)] = [
        ("bulwark:skip=", .bulwark), ("checkov:skip=", .checkov), ("trivy:ignore:", .trivy), ("tfsec:ignore:", .tfsec),
    ]

    /// Finds every directive in the comment part of one line.
    private static func scan(_ line: Substring, lineNumber: Int?, file: String?, into out: inout [Suppression]) {
        guard let commentStart = commentStart(in: line) else { return }
        var rest = line[commentStart...]
        while let (kind, range) = firstDirective(in: rest) {
            var cursor = range.upperBound
            let idEnd = rest[cursor...].firstIndex { !isIDCharacter($0, kind: kind) } ?? rest.endIndex
            let id = String(rest[cursor..<idEnd])
            cursor = idEnd
            var reason = ""
            var expires: CalendarDate?
            switch kind {
            case .bulwark, .checkov:
                // The reason runs to the end of the line, after a colon or whitespace.
                var tail = rest[cursor...]
                if tail.first == ":" { tail = tail.dropFirst() }
                reason = String(tail).trimmingWhitespace()
                cursor = rest.endIndex
            case .trivy, .tfsec:
                let tail = rest[cursor...]
                if tail.hasPrefix(":exp:") {
                    let dateStart = tail.index(tail.startIndex, offsetBy: 5)
                    let dateEnd = tail.index(dateStart, offsetBy: 10, limitedBy: tail.endIndex) ?? tail.endIndex
                    expires = CalendarDate(String(tail[dateStart..<dateEnd]))
                    cursor = dateEnd
                }
            }
            if !id.isEmpty {
                let range = lineNumber.map { n in
                    SourceRange(
                        file: file ?? "", start: SourcePosition(line: n, column: 1, byte: 0),
                        end: SourcePosition(line: n, column: 1, byte: 0))
                }
                out.append(Suppression(kind: kind, id: id, reason: reason, expires: expires, range: range))
            }
            rest = rest[cursor...]
        }
    }

    private static func commentStart(in line: Substring) -> Substring.Index? {
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if c == "#" { return i }
            if c == "/" {
                let next = line.index(after: i)
                if next < line.endIndex, line[next] == "/" || line[next] == "*" { return i }
            }
            i = line.index(after: i)
        }
        return nil
    }

    private static func firstDirective(in text: Substring) -> (Suppression.Kind, Range<Substring.Index>)? {
        var best: (Suppression.Kind, Range<Substring.Index>)?
        for (marker, kind) in directives {
            if let r = text.firstRange(of: marker), best.map({ r.lowerBound < $0.1.lowerBound }) ?? true {
                best = (kind, r)
            }
        }
        return best
    }

    private static func isIDCharacter(_ c: Character, kind: Suppression.Kind) -> Bool {
        if c.isASCII && (c.isLetter || c.isNumber) { return true }
        if c == "_" || c == "-" { return true }
        // tfsec long IDs and trivy IDs may contain dots; checkov and bulwark IDs never do.
        return c == "." && (kind == .trivy || kind == .tfsec)
    }
}
