import Model

/// A failure inside a built-in function; the evaluator adds the call's source range.
public struct FunctionError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// Zero-based index of the offending argument, when one is to blame.
    public var argument: Int?
    /// The resolved path, when the failure is only that a file does not exist (yet): a build step may create it.
    public internal(set) var missingFile: String?
    /// Why a file was deliberately not read, when that is the failure: the call's value is then unknown.
    public internal(set) var unread: UnreadFile?

    public init(_ message: String, argument: Int? = nil) {
        self.message = message
        self.argument = argument
    }

    public var description: String { message }
}

/// Why a file function left a file unread (its value becomes unknown, with a warning naming the call).
public enum UnreadFile: Sendable, Equatable {
    /// The file lies outside the directories the scan may read (`FunctionContext.readRoots`).
    case outsideReadRoots
    /// The file is larger than the limit, in bytes.
    case tooLarge(limit: Int)
}

/// What a function may know about where it is called from.
public struct FunctionContext: Sendable {
    /// `path.module`: relative paths given to `file`, `fileexists`, `templatefile` resolve against it.
    public var baseDirectory: String
    /// Largest file `file`/`templatefile` will read, in bytes.
    public var maxFileSize: Int
    /// Largest file the hash functions (`filemd5`, `filebase64sha256`, …) read, in bytes: they keep only a digest,
    /// so a packaged artifact larger than any configuration file can still be hashed, as Terraform does.
    public var maxHashedFileSize: Int
    /// Where the file functions read: the disk, or a snapshot (a Git commit); `abspath` resolves against its
    /// working directory.
    public var fileTree: any FileTree
    /// Parses and renders a template source with the given variables (installed by the evaluator,
    /// because the function library sits below the parser and evaluator in this target's design).
    public var renderTemplate: (@Sendable (_ source: String, _ filename: String, _ variables: [String: Value]) throws -> Value)?
    /// The directories the file functions may read; a path outside (links resolved) is not read and the call is
    /// unknown. Nil: no confinement (a caller that trusts the whole tree).
    public var readRoots: ReadRoots?

    public init(
        baseDirectory: String = ".", maxFileSize: Int = 4 << 20, fileTree: any FileTree = DiskFileTree(),
        renderTemplate: (@Sendable (String, String, [String: Value]) throws -> Value)? = nil, readRoots: ReadRoots? = nil,
        maxHashedFileSize: Int? = nil
    ) {
        self.baseDirectory = baseDirectory
        self.maxFileSize = maxFileSize
        self.maxHashedFileSize = max(maxFileSize, maxHashedFileSize ?? maxFileSize)
        self.fileTree = fileTree
        self.renderTemplate = renderTemplate
        self.readRoots = readRoots
    }
}

/// A built-in function: arity, unknown handling and implementation.
public struct Function: Sendable {
    public let name: String
    public let minArguments: Int
    /// nil means variadic.
    public let maxArguments: Int?
    /// When false, the table returns `.unknown` if any argument is not wholly known, without calling the
    /// implementation (cty's default for parameters without AllowUnknown). When true the implementation
    /// must itself keep unknowns unknown.
    public let handlesUnknown: Bool
    public let implementation: @Sendable ([Value], FunctionContext) throws -> Value

    public init(
        _ name: String, arguments: ClosedRange<Int>, handlesUnknown: Bool = false,
        _ implementation: @escaping @Sendable ([Value], FunctionContext) throws -> Value
    ) {
        self.name = name
        self.minArguments = arguments.lowerBound
        self.maxArguments = arguments.upperBound == Int.max ? nil : arguments.upperBound
        self.handlesUnknown = handlesUnknown
        self.implementation = implementation
    }
}
