import HCL
import Model

/// `terraform fmt`'s alignment of `=` signs: consecutive single-line attributes of one body form a group whose
/// names are padded to the longest; a blank line, a comment line, a nested block or a multi-line attribute ends it.
enum AttributeAlignment {
    /// Whitespace edits that realign every group holding one of `lines` (1-based); other groups are left alone.
    static func edits(in file: WorkingFile, touching lines: Set<Int>) -> [TextEdit] {
        guard !lines.isEmpty else { return [] }
        var out: [TextEdit] = []
        visit(file.parsed.body, file: file, lines: lines, into: &out)
        return out
    }

    private static func visit(_ body: Body, file: WorkingFile, lines: Set<Int>, into out: inout [TextEdit]) {
        for group in groups(of: body) where group.contains(where: { lines.contains($0.range.start.line) }) {
            let width = group.map { $0.name.unicodeScalars.count }.max() ?? 0
            for attribute in group {
                let gapStart = attribute.nameRange.end.byte
                var equals = gapStart
                while equals < file.bytes.count,
                    file.bytes[equals] == UInt8(ascii: " ") || file.bytes[equals] == UInt8(ascii: "\t")
                { equals += 1 }
                guard equals < file.bytes.count, file.bytes[equals] == UInt8(ascii: "=") else { continue }
                let wanted = String(repeating: " ", count: width - attribute.name.unicodeScalars.count + 1)
                if file.text(gapStart, equals) != wanted {
                    out.append(TextEdit(path: file.path, start: gapStart, end: equals, text: wanted, isLayout: true))
                }
            }
        }
        for block in body.blocks { visit(block.body, file: file, lines: lines, into: &out) }
    }

    /// The width `=` is aligned to in the group `attribute` belongs to (its longest name), so a line added right
    /// after the group can be written aligned and the file needs no second parse for the realignment.
    static func width(ofGroupHolding attribute: Attribute, in body: Body) -> Int? {
        guard let group = groups(of: body).first(where: { $0.contains { $0.range == attribute.range } }) else { return nil }
        return group.map { $0.name.unicodeScalars.count }.max()
    }

    /// Runs of single-line attributes on consecutive lines, with nothing else of the body between them.
    private static func groups(of body: Body) -> [[Attribute]] {
        let blockLines = body.blocks.map { $0.range.start.line...$0.range.end.line }
        var groups: [[Attribute]] = []
        var current: [Attribute] = []
        for attribute in body.attributes.sorted(by: { $0.range.start.byte < $1.range.start.byte }) {
            let line = attribute.range.start.line
            let singleLine = attribute.range.end.line == line
            if let last = current.last, singleLine, last.range.start.line + 1 == line,
                !blockLines.contains(where: { $0.contains(line) })
            {
                current.append(attribute)
                continue
            }
            if !current.isEmpty { groups.append(current) }
            current = singleLine ? [attribute] : []
        }
        if !current.isEmpty { groups.append(current) }
        return groups
    }
}
