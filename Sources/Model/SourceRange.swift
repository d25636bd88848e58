/// A point in a source file: 1-based line and column (columns count Unicode scalars), 0-based byte offset.
public struct SourcePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var byte: Int

    public init(line: Int, column: Int, byte: Int) {
        self.line = line
        self.column = column
        self.byte = byte
    }

    /// The start of any file.
    public static let start = SourcePosition(line: 1, column: 1, byte: 0)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool { lhs.byte < rhs.byte }

    public var description: String { "\(line):\(column)" }
}

/// A half-open span `[start, end)` of a named source file.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var start: SourcePosition
    public var end: SourcePosition

    public init(file: String, start: SourcePosition, end: SourcePosition) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// A zero-width range at the start of `file`, for errors about a whole file.
    public static func wholeFile(_ file: String) -> SourceRange {
        SourceRange(file: file, start: .start, end: .start)
    }

    /// The smallest range covering both `self` and `other` (same file assumed).
    public func through(_ other: SourceRange) -> SourceRange {
        SourceRange(file: file, start: min(start, other.start), end: max(end, other.end))
    }

    /// `file:line:column`, the form editors and CI annotations understand.
    public var description: String { "\(file):\(start.line):\(start.column)" }
}
