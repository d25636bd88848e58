/// One replacement of the byte range `[start, end)` of a file's current text (`start == end`: an insertion).
struct TextEdit: Sendable, Hashable {
    var path: String
    var start: Int
    var end: Int
    var text: String
    /// Whitespace realignment of `=` signs, which may touch what an earlier fix wrote without conflicting with it.
    var isLayout: Bool = false

    /// True when both edits change the same bytes (two insertions at one offset do not conflict).
    func overlaps(_ other: TextEdit) -> Bool {
        if start == end || other.start == other.end {
            let (point, range) = start == end ? (start, other) : (other.start, self)
            return range.start < point && point < range.end
        }
        return start < other.end && other.start < end
    }

    /// Applies edits to `bytes` back to front (insertions at one offset keep the order they were given in);
    /// returns the new bytes and the ranges in the new text that the edits wrote.
    static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> (bytes: [UInt8], written: [Range<Int>]) {
        let ordered = edits.enumerated().sorted { a, b in
            a.element.start != b.element.start ? a.element.start < b.element.start : a.offset < b.offset
        }.map(\.element)
        var out = bytes
        for edit in ordered.reversed() {
            out.replaceSubrange(edit.start..<edit.end, with: Array(edit.text.utf8))
        }
        var written: [Range<Int>] = []
        var delta = 0
        for edit in ordered {
            let length = edit.text.utf8.count
            written.append((edit.start + delta)..<(edit.start + delta + length))
            delta += length - (edit.end - edit.start)
        }
        return (out, written)
    }

    /// Where `offset` of the old text lands after `edits` (offsets inside a replaced range move to its start).
    static func map(_ offset: Int, through edits: [TextEdit]) -> Int {
        var shift = 0
        for edit in edits {
            if edit.end <= offset && !(edit.start == edit.end && edit.start == offset) {
                shift += edit.text.utf8.count - (edit.end - edit.start)
            } else if edit.start < offset && offset < edit.end {
                return edit.start + shift
            }
        }
        return offset + shift
    }
}
