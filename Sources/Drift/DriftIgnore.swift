import Checks
import Foundation
import Model

/// The rules of a `.bulwarkignore` file, driftctl's `.driftignore` format:
///
/// ```
/// # comment
/// aws_s3_bucket.scratch-*            # these buckets entirely
/// aws_iam_user.*                     # every IAM user…
/// !aws_iam_user.ci-deployer          # …except this one
/// aws_instance.i-0abc.tags.Owner     # one attribute of one instance
/// aws_instance.web.tags.Owner        # the same, by the Terraform address `aws_instance.web`
/// aws_s3_bucket.my\.bucket.acl       # `\.` is a literal dot inside an ID
/// ```
///
/// `*` matches any run of characters. The last rule that matches decides, so `!` lines re-include what an
/// earlier line ignored. IDs match any of a resource's IDs (`id`, `arn`, the live ID) and, for a resource the
/// state or the code names, its address without the type (`web` for `aws_instance.web`) or whole. A `#` at the
/// start of a line or after blank space starts a comment; any other text after the rule is an error.
public struct DriftIgnore: Sendable {
    /// One line of the file.
    public struct Rule: Sendable, Hashable {
        /// True for `!` lines, which re-include.
        public var negated: Bool
        /// Type pattern.
        public var type: String
        /// ID pattern.
        public var id: String
        /// Attribute path pattern; nil for a whole-resource rule.
        public var attribute: String?
        /// 1-based line in the file.
        public var line: Int

        /// A rule.
        public init(negated: Bool = false, type: String, id: String, attribute: String? = nil, line: Int = 0) {
            self.negated = negated
            self.type = type
            self.id = id
            self.attribute = attribute
            self.line = line
        }

        func matches(type: String, ids: [String]) -> Bool {
            Wildcard.matches(self.type, type) && ids.contains { Wildcard.matches(id, $0) }
        }
    }

    /// Rules in file order.
    public var rules: [Rule]

    /// A rule set (empty ignores nothing).
    public init(rules: [Rule] = []) { self.rules = rules }

    /// Parses the file's text; bad lines become diagnostics at file:line:column and are left out.
    public static func parse(_ text: String, file: String) -> (ignore: DriftIgnore, diagnostics: [Diagnostic]) {
        var rules: [Rule] = []
        var diagnostics: [Diagnostic] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Self.withoutComment(rawLine).trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
            if line.isEmpty { continue }
            let column =
                (rawLine.firstIndex { $0 != " " && $0 != "\t" }).map { rawLine.distance(from: rawLine.startIndex, to: $0) + 1 } ?? 1
            switch rule(line, lineNumber: lineNumber) {
            case .success(let rule): rules.append(rule)
            case .failure(let message):
                let position = SourcePosition(line: lineNumber, column: column, byte: 0)
                diagnostics.append(
                    Diagnostic(.invalidIgnoreRule, message.text, at: SourceRange(file: file, start: position, end: position)))
            }
        }
        return (DriftIgnore(rules: rules), diagnostics)
    }

    /// Reads `path`; a missing file is an empty rule set (the file is optional), an unreadable one a diagnostic.
    public static func load(file path: String) -> (ignore: DriftIgnore, diagnostics: [Diagnostic]) {
        guard FileManager.default.fileExists(atPath: path) else { return (DriftIgnore(), []) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return (DriftIgnore(), [Diagnostic(.io, "cannot read ignore file (not UTF-8 or unreadable)", at: .wholeFile(path))])
        }
        return parse(text, file: path)
    }

    /// True when the whole resource is ignored.
    public func ignoresResource(type: String, ids: [String]) -> Bool {
        var ignored = false
        for rule in rules where rule.attribute == nil && rule.matches(type: type, ids: ids) { ignored = !rule.negated }
        return ignored
    }

    /// True when one attribute is ignored; `path` is the display path (`versioning[0].enabled`) and `pattern`
    /// the index-free path (`versioning.enabled`). The detector asks at every level of the tree, so a rule naming a
    /// parent also covers its children.
    public func ignoresAttribute(type: String, ids: [String], path: String, pattern: String) -> Bool {
        var ignored = false
        for rule in rules {
            guard let attribute = rule.attribute, rule.matches(type: type, ids: ids) else { continue }
            if Wildcard.matches(attribute, path) || Wildcard.matches(attribute, pattern) { ignored = !rule.negated }
        }
        return ignored
    }

    /// True when any rule names attributes (lets the detector skip per-attribute checks otherwise).
    var hasAttributeRules: Bool { rules.contains { $0.attribute != nil } }

    private struct Problem: Error { let text: String }

    private static let typeCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789_*")

    /// The line up to a `#` that starts it or follows blank space (an escaped `\#` is kept).
    static func withoutComment(_ line: Substring) -> String {
        var out = ""
        var previous: Character = " "
        var escaped = false
        for ch in line {
            if !escaped, ch == "#", previous == " " || previous == "\t" { break }
            escaped = !escaped && ch == "\\"
            out.append(ch)
            previous = ch
        }
        return out
    }

    private static func rule(_ line: String, lineNumber: Int) -> Result<Rule, Problem> {
        if line.contains(where: { $0 == " " || $0 == "\t" }) {
            return .failure(Problem(text: "unexpected text after the rule in \(Value.quote(line)); start a comment with '#'"))
        }
        var body = Substring(line)
        let negated = body.hasPrefix("!")
        if negated { body = body.dropFirst() }
        var segments: [String] = [""]
        var escaped = false
        for ch in body {
            if escaped {
                segments[segments.count - 1].append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "." {
                segments.append("")
            } else {
                segments[segments.count - 1].append(ch)
            }
        }
        if escaped { return .failure(Problem(text: "a rule cannot end with '\\'")) }
        guard segments.count >= 2 else {
            return .failure(Problem(text: "expected 'type.id' or 'type.id.attribute', found \(Value.quote(line))"))
        }
        let type = segments[0]
        guard !type.isEmpty, type.unicodeScalars.allSatisfy({ typeCharacters.contains($0) }) else {
            return .failure(Problem(text: "invalid resource type \(Value.quote(type)) (lower-case letters, digits, '_' and '*')"))
        }
        guard !segments[1].isEmpty else { return .failure(Problem(text: "missing resource ID after \(Value.quote(type + "."))")) }
        var attribute: String?
        if segments.count > 2 {
            let path = segments[2...].joined(separator: ".")
            guard !segments[2...].contains(where: \.isEmpty) else {
                return .failure(Problem(text: "empty attribute name in \(Value.quote(path))"))
            }
            attribute = path
        }
        return .success(Rule(negated: negated, type: type, id: segments[1], attribute: attribute, line: lineNumber))
    }
}
