import HCL
import Model

/// A large file cut at top-level item boundaries into fragments of a few blocks each, every one parsed on its own.
/// An edit then re-parses only its fragment, so fixing every resource of a file with thousands of them costs time in
/// proportion to the file, not to its square.
struct FileFragments {
    /// Files with more top-level items than this are cut; smaller ones are kept whole.
    static let minimumItems = 16
    /// Top-level items (blocks and attributes) per fragment: every fix re-parses its fragment, so fixing each
    /// resource of a cut file parses the file about this many times over; one keeps that to a single pass.
    static let itemsPerFragment = 1

    /// The fragments' bytes, in file order; concatenated they are the file.
    let pieces: [[UInt8]]

    /// Cuts `file` (parsed whole) after every `itemsPerFragment` top-level items; nil when the file has no more
    /// than `minimumItems`, does not parse, or a piece would not parse on its own (the caller then keeps it whole).
    init?(_ file: WorkingFile) {
        guard file.isValid else { return nil }
        let body = file.parsed.body
        var ends = (body.blocks.map(\.range.end.byte) + body.attributes.map(\.range.end.byte)).sorted()
        guard ends.count > Self.minimumItems else { return nil }
        ends.removeLast()
        var cuts: [Int] = []
        var i = Self.itemsPerFragment - 1
        while i < ends.count {
            // The cut goes after the line the item ends on, so comments before the next item travel with it.
            let cut = file.startOfNextLine(after: max(0, ends[i] - 1))
            if cut > (cuts.last ?? 0), cut < file.bytes.count { cuts.append(cut) }
            i += Self.itemsPerFragment
        }
        guard !cuts.isEmpty else { return nil }
        var pieces: [[UInt8]] = []
        var start = 0
        for cut in cuts + [file.bytes.count] {
            pieces.append(Array(file.bytes[start..<cut]))
            start = cut
        }
        self.pieces = pieces
    }
}
