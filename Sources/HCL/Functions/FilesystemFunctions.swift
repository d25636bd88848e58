import Crypto
import Foundation
import Model

/// Terraform's filesystem functions; relative paths resolve against `FunctionContext.baseDirectory`.
enum FilesystemFunctions {
    static var all: [Function] {
        [
            Function("file", arguments: 1...1) { args, context in
                let path = try Arg.string(args, 0, "path")
                return .string(try text(try read(path, context), path: path, function: "file"))
            },
            Function("filebase64", arguments: 1...1) { args, context in
                .string(Data(try read(try Arg.string(args, 0, "path"), context)).base64EncodedString())
            },
            Function("fileexists", arguments: 1...1) { args, context in
                let path = try Arg.string(args, 0, "path")
                guard let kind = context.fileTree.resolvedKind(try confined(path, context)) else { return .bool(false) }
                if kind == .directory {
                    throw FunctionError("Call to function \"fileexists\" failed: \(path) is not a regular file, but \"d\".", argument: 0)
                }
                return .bool(true)
            },
            Function("templatefile", arguments: 2...2, handlesUnknown: true) { args, context in
                guard args[0].isKnown else { return .unknown }
                let path = try Arg.string(args, 0, "path")
                if case .unknown = args[1] { return .unknown }
                let variables = try Arg.members(args, 1, "vars")
                let source = try text(try read(path, context), path: path, function: "templatefile")
                guard let render = context.renderTemplate else {
                    throw FunctionError("Call to function \"templatefile\" failed: template rendering is not available here.")
                }
                do {
                    return try render(source, resolve(path, context), variables)
                } catch let error as FunctionError {
                    throw error
                } catch let diagnostic as Diagnostic {
                    throw FunctionError("Call to function \"templatefile\" failed: \(diagnostic.description).", argument: 0)
                }
            },
            Function("abspath", arguments: 1...1) { args, context in
                let path = try Arg.string(args, 0, "path")
                if path.hasPrefix("/") { return .string(GoPath.clean(path)) }
                return .string(GoPath.clean(context.fileTree.workingDirectory + "/" + path))
            },
            Function("dirname", arguments: 1...1) { args, _ in .string(GoPath.dir(try Arg.string(args, 0, "path"))) },
            Function("basename", arguments: 1...1) { args, _ in .string(GoPath.base(try Arg.string(args, 0, "path"))) },
            Function("pathexpand", arguments: 1...1) { args, _ in .string(try expandHome(try Arg.string(args, 0, "path"))) },
            fileHash("filemd5") { hex(Insecure.MD5.hash(data: $0)) },
            fileHash("filesha1") { hex(Insecure.SHA1.hash(data: $0)) },
            fileHash("filesha256") { hex(SHA256.hash(data: $0)) },
            fileHash("filesha512") { hex(SHA512.hash(data: $0)) },
            fileHash("filebase64sha256") { Data(SHA256.hash(data: $0)).base64EncodedString() },
            fileHash("filebase64sha512") { Data(SHA512.hash(data: $0)).base64EncodedString() },
            Glob.fileset,
        ]
    }

    private static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 { HashFunctions.hex(digest) }

    private static func fileHash(_ name: String, _ digest: @escaping @Sendable ([UInt8]) -> String) -> Function {
        Function(name, arguments: 1...1) { args, context in
            var hashing = context
            hashing.maxFileSize = context.maxHashedFileSize
            return .string(digest(try read(try Arg.string(args, 0, "path"), hashing)))
        }
    }

    static func expandHome(_ path: String) throws(FunctionError) -> String {
        guard path.hasPrefix("~") else { return path }
        let rest = path.dropFirst()
        guard rest.isEmpty || rest.hasPrefix("/") else {
            throw FunctionError("Call to function \"pathexpand\" failed: cannot expand user-specific home dir.", argument: 0)
        }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return home + rest
    }

    /// `resolve`, refused (before anything is looked at, so nothing outside is revealed, not even whether it
    /// exists) when the file lies outside the read roots.
    static func confined(_ path: String, _ context: FunctionContext) throws(FunctionError) -> String {
        let resolved = resolve(path, context)
        if let roots = context.readRoots, !roots.contains(resolved, in: context.fileTree) {
            var error = FunctionError(
                "Invalid value for \"path\" parameter: the file lies outside the directories this scan may read.", argument: 0)
            error.unread = .outsideReadRoots
            throw error
        }
        return resolved
    }

    static func resolve(_ path: String, _ context: FunctionContext) -> String {
        let expanded = (try? expandHome(path)) ?? path
        if expanded.hasPrefix("/") { return GoPath.clean(expanded) }
        return GoPath.clean(context.baseDirectory + "/" + expanded)
    }

    private static func read(_ path: String, _ context: FunctionContext) throws(FunctionError) -> [UInt8] {
        let resolved = try confined(path, context)
        var missing = FunctionError(
            "Invalid value for \"path\" parameter: no file exists at \(Formatter.goQuote(resolved)); this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource.",
            argument: 0)
        missing.missingFile = resolved
        switch context.fileTree.read(resolved, maxSize: context.maxFileSize) {
        case .success(let bytes):
            return bytes
        case .tooLarge:
            var error = FunctionError(
                "Invalid value for \"path\" parameter: file \(Formatter.goQuote(path)) is larger than the \(context.maxFileSize) byte limit.",
                argument: 0)
            error.unread = .tooLarge(limit: context.maxFileSize)
            throw error
        case .missing:
            throw missing
        case .failure:
            // The tree says why in its own words; Terraform's messages distinguish only these cases.
            switch context.fileTree.resolvedKind(resolved) {
            case nil:
                throw missing
            case .directory:
                throw FunctionError(
                    "Invalid value for \"path\" parameter: \(Formatter.goQuote(path)) is a directory, not a file.", argument: 0)
            case .file, .symlink:
                throw FunctionError("Invalid value for \"path\" parameter: failed to read file \(Formatter.goQuote(path)).", argument: 0)
            }
        }
    }

    private static func text(_ bytes: [UInt8], path: String, function: String) throws(FunctionError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FunctionError(
                "Call to function \"\(function)\" failed: contents of \(Formatter.goQuote(path)) are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead.",
                argument: 0)
        }
        return text
    }
}

/// Go's path/filepath lexical operations on slash-separated paths.
enum GoPath {
    /// filepath.Clean: collapse `//`, `.` and `..`; "" becomes ".".
    static func clean(_ path: String) -> String { TreePath.clean(path) }

    /// filepath.Dir: everything before the last slash, cleaned.
    static func dir(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let head = String(path[...slash])
        return clean(head)
    }

    /// filepath.Base: the last element, trailing slashes ignored.
    static func base(_ path: String) -> String {
        if path.isEmpty { return "." }
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if trimmed == "/" { return "/" }
        if let slash = trimmed.lastIndex(of: "/") { return String(trimmed[trimmed.index(after: slash)...]) }
        return String(trimmed)
    }
}
