import HCL
import Model

/// A large file cut at top-level item boundaries into fragments of one item each, every one parsed on its own.
/// An edit then re-parses only its fragment, so fixing every resource of a file with thousands of them costs time in
/// proportion to the file, not to its square. The cuts come from one lexer pass (`HCLParser.topLevelCuts`), so the
/// file is parsed once, piece by piece, and never whole.
struct FileFragments {
    /// Files with more top-level items than this are cut; smaller ones are kept whole.
    static let minimumItems = 16

    /// The fragments, in file order, each named `path` (the first) or `path` + U+0001 + its number; concatenated
    /// their bytes are the file.
    let pieces: [WorkingFile]

    /// Cuts `bytes` (the file at `path`) after every top-level item and parses the pieces; nil when the file has no
    /// more than `minimumItems`, cannot be cut safely, or a piece does not parse to exactly one item on its own (the
    /// caller then parses the file whole, which reports its errors as they are).
    init?(path: String, bytes: [UInt8]) {
        guard let cuts = HCLParser.topLevelCuts(bytes), cuts.count + 1 > Self.minimumItems else { return nil }
        var pieces: [WorkingFile] = []
        pieces.reserveCapacity(cuts.count + 1)
        var start = 0
        for (i, cut) in (cuts + [bytes.count]).enumerated() {
            let piece = WorkingFile(path: i == 0 ? path : path + "\u{1}" + String(i), bytes: Array(bytes[start..<cut]))
            guard piece.isValid, piece.parsed.body.blocks.count + piece.parsed.body.attributes.count == 1 else { return nil }
            pieces.append(piece)
            start = cut
        }
        self.pieces = pieces
    }
}
