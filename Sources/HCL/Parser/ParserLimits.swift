/// Resource caps that keep hostile or accidental input from exhausting memory or the stack.
public struct ParserLimits: Sendable {
    /// Largest file accepted, in bytes; bigger files get a `.fileTooLarge` diagnostic and are not parsed.
    public var maxFileSize: Int
    /// Deepest nesting of blocks, brackets, parentheses, braces and templates before `.tooDeep` is reported.
    public var maxDepth: Int

    /// Limits with generous defaults for real configurations: 8 MiB per file, 128 levels of nesting.
    public init(maxFileSize: Int = 8 << 20, maxDepth: Int = 128) {
        self.maxFileSize = maxFileSize
        self.maxDepth = maxDepth
    }
}
