import HCL
import Model

/// Computes minimal edits on one parsed file: replace an expression, insert an attribute or nested block into a
/// body with the body's indentation, append a block after another, drop or replace list elements.
struct BlockEditor {
    let file: WorkingFile

    /// The indentation of the lines inside `block`'s body.
    func innerIndent(of block: Block) -> String { file.indentation(ofLineAt: block.range.start.byte) + "  " }

    /// Overwrites `expression` with `text`.
    func replace(_ expression: Expression, with text: String) -> TextEdit {
        TextEdit(path: file.path, start: expression.range.start.byte, end: expression.range.end.byte, text: text)
    }

    /// Adds `name = text` to `block`: after its last attribute, else first in the body.
    func insertAttribute(_ name: String, _ text: String, into block: Block) throws(FixProblem) -> TextEdit {
        let inner = innerIndent(of: block)
        let line = inner + name + " = " + text + "\n"
        if let edit = try expandEmptySingleLine(block, with: line) { return edit }
        let body = block.body
        // After the last one-line attribute (joining its fmt group), else after the last attribute.
        let oneLine = body.attributes.filter { $0.range.start.line == $0.range.end.line }
        if let last = (oneLine.isEmpty ? body.attributes : oneLine).max(by: { $0.range.end.byte < $1.range.end.byte }) {
            let at = file.startOfNextLine(after: max(last.range.start.byte, last.range.end.byte - 1))
            // Joining a group, the name is padded as `terraform fmt` would pad it.
            let width = oneLine.isEmpty ? nil : AttributeAlignment.width(ofGroupHolding: last, in: body)
            let gap = String(repeating: " ", count: max(width ?? 0, name.unicodeScalars.count) - name.unicodeScalars.count + 1)
            return TextEdit(path: file.path, start: at, end: at, text: inner + name + gap + "= " + text + "\n")
        }
        let at = file.startOfNextLine(after: body.range.start.byte)
        return TextEdit(path: file.path, start: at, end: at, text: line + (body.blocks.isEmpty ? "" : "\n"))
    }

    /// Adds a nested block (`lines`: whole lines already indented for the body) at the end of `block`'s body.
    func insertBlock(_ lines: String, into block: Block) throws(FixProblem) -> TextEdit {
        if let edit = try expandEmptySingleLine(block, with: lines) { return edit }
        let close = block.body.range.end.byte - 1
        let at = file.start(ofLine: file.line(ofByte: close))
        guard file.text(at, close).allSatisfy({ $0 == " " || $0 == "\t" }) else {
            throw FixProblem(
                .unsupportedExpression, "the closing brace of \(block.type) shares its line with other text",
                at: block.range)
        }
        let empty = block.body.attributes.isEmpty && block.body.blocks.isEmpty
        let separator = empty || at == 0 || file.isBlankLine(at: at - 1) ? "" : "\n"
        return TextEdit(path: file.path, start: at, end: at, text: separator + lines)
    }

    /// Adds `text` (a whole top-level block ending in a newline) after `block`, separated by a blank line.
    func append(_ text: String, after block: Block) -> TextEdit {
        var at = block.range.end.byte
        while at < file.bytes.count, file.bytes[at] != UInt8(ascii: "\n") { at += 1 }
        if at < file.bytes.count {
            return TextEdit(path: file.path, start: at, end: at, text: "\n\n" + text.dropLast())
        }
        return TextEdit(path: file.path, start: at, end: at, text: "\n\n" + text)
    }

    /// `{}` on one line becomes a multi-line body holding `lines`; nil for a multi-line body.
    private func expandEmptySingleLine(_ block: Block, with lines: String) throws(FixProblem) -> TextEdit? {
        let body = block.body
        let open = body.range.start.byte
        let close = body.range.end.byte - 1
        guard file.line(ofByte: open) == file.line(ofByte: close) else { return nil }
        guard body.attributes.isEmpty, body.blocks.isEmpty else {
            throw FixProblem(.unsupportedExpression, "\(block.type) is a single-line block; expand it by hand", at: block.range)
        }
        let outer = file.indentation(ofLineAt: block.range.start.byte)
        return TextEdit(path: file.path, start: open, end: close + 1, text: "{\n" + lines + outer + "}")
    }

    /// Edits that make the list literal `tuple` hold `replacements` instead of some elements and drop `removals`
    /// (element indexes). A one-line list is rewritten whole; in a multi-line list each changed element keeps
    /// its line, and a dropped element must sit alone on its line.
    func rewrite(
        tuple: Expression, elements: [Expression], replacements: [Int: String], removals: Set<Int>
    )
        throws(FixProblem) -> [TextEdit]
    {
        if tuple.range.start.line == tuple.range.end.line {
            let kept = elements.indices.filter { !removals.contains($0) }.map { replacements[$0] ?? file.text(elements[$0].range) }
            return [
                TextEdit(
                    path: file.path, start: tuple.range.start.byte, end: tuple.range.end.byte,
                    text: "[" + kept.joined(separator: ", ") + "]")
            ]
        }
        var edits: [TextEdit] = []
        for (i, element) in elements.enumerated() {
            if removals.contains(i) {
                let lineStart = file.start(ofLine: element.range.start.line)
                let lineEnd = file.startOfNextLine(after: element.range.start.byte)
                let before = file.text(lineStart, element.range.start.byte).trimmingCharacters(in: [" ", "\t"])
                var after = file.text(element.range.end.byte, lineEnd).trimmingCharacters(in: [" ", "\t", "\n", "\r"])
                if after.hasPrefix(",") { after = String(after.dropFirst()).trimmingCharacters(in: [" ", "\t"]) }
                // The element alone on its line, perhaps with a comma and a comment about it: the line goes.
                let alone = before.isEmpty && (after.isEmpty || after.hasPrefix("#") || after.hasPrefix("//"))
                guard alone, element.range.start.line == element.range.end.line else {
                    throw FixProblem(.unsupportedExpression, "the list element to drop shares its line", at: element.range)
                }
                edits.append(TextEdit(path: file.path, start: lineStart, end: lineEnd, text: ""))
            } else if let text = replacements[i] {
                edits.append(replace(element, with: text))
            }
        }
        return edits
    }
}

extension String {
    /// Drops leading and trailing characters in `set`.
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
