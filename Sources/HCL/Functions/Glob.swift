import Model

/// Terraform's `fileset` with doublestar glob semantics: `*`, `?`, `[class]`, `{a,b}` within a path
/// segment, and `**` as a whole segment matching any number of directories.
enum Glob {
    /// Walks at most this many directory entries, so a huge tree cannot stall evaluation.
    static let maxEntries = 100_000

    static var fileset: Function {
        Function("fileset", arguments: 2...2) { args, context in
            let path = try Arg.string(args, 0, "path")
            let pattern = try Arg.string(args, 1, "pattern")
            let root = try FilesystemFunctions.confined(path, context)
            let patterns = expandBraces(GoPath.clean(pattern)).map { $0.split(separator: "/").map(String.init) }
            let tree = context.fileTree
            var matches: [Value] = []
            var seen = 0
            // Depth-first like `filepath.Walk`; symbolic links are not descended (they can loop), but a link to a
            // file is a file.
            var pending = [""]
            while let directory = pending.popLast() {
                guard let names = tree.entries(directory.isEmpty ? root : root + "/" + directory) else { continue }
                for name in names {
                    seen += 1
                    if seen > maxEntries {
                        throw FunctionError(
                            "Call to function \"fileset\" failed: more than \(maxEntries) files under \(Formatter.goQuote(path)).")
                    }
                    let relative = directory.isEmpty ? name : directory + "/" + name
                    let child = root + "/" + relative
                    switch tree.kind(child) {
                    case .directory:
                        pending.append(relative)
                        continue
                    case .symlink:
                        guard tree.resolvedKind(child) == .file else { continue }
                    case .file:
                        break
                    case nil:
                        continue
                    }
                    let segments = relative.split(separator: "/").map(String.init)
                    if patterns.contains(where: { match($0[...], segments[...]) }) {
                        matches.append(.string(relative))
                    }
                }
            }
            return .set(from: matches)
        }
    }

    /// `{a,b}` alternatives expanded into separate patterns (nested braces supported).
    static func expandBraces(_ pattern: String) -> [String] {
        let chars = Array(pattern)
        var depth = 0
        var open: Int?
        var i = 0
        while i < chars.count {
            switch chars[i] {
            case "\\": i += 1
            case "{":
                if depth == 0 { open = i }
                depth += 1
            case "}" where depth > 0:
                depth -= 1
                if depth == 0, let start = open {
                    let prefix = String(chars[..<start])
                    let suffix = String(chars[(i + 1)...])
                    var alternatives: [String] = []
                    var current = ""
                    var nested = 0
                    for c in chars[(start + 1)..<i] {
                        if c == "{" { nested += 1 }
                        if c == "}" { nested -= 1 }
                        if c == "," && nested == 0 {
                            alternatives.append(current)
                            current = ""
                        } else {
                            current.append(c)
                        }
                    }
                    alternatives.append(current)
                    return alternatives.flatMap { expandBraces(prefix + $0 + suffix) }
                }
            default: break
            }
            i += 1
        }
        return [pattern]
    }

    static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            var rest = path
            while true {
                if match(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        }
        guard let segment = path.first, matchSegment(Array(first)[...], Array(segment)[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    static func matchSegment(_ pattern: ArraySlice<Character>, _ name: ArraySlice<Character>) -> Bool {
        guard let p = pattern.first else { return name.isEmpty }
        switch p {
        case "*":
            var rest = name
            while true {
                if matchSegment(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        case "?":
            return !name.isEmpty && matchSegment(pattern.dropFirst(), name.dropFirst())
        case "[":
            guard let c = name.first, let close = pattern.dropFirst().firstIndex(of: "]") else { return false }
            var set = pattern[(pattern.startIndex + 1)..<close]
            var negate = false
            if set.first == "^" || set.first == "!" {
                negate = true
                set = set.dropFirst()
            }
            var found = false
            let items = Array(set)
            var i = 0
            while i < items.count {
                if i + 2 < items.count, items[i + 1] == "-" {
                    if items[i] <= c && c <= items[i + 2] { found = true }
                    i += 3
                } else {
                    if items[i] == c { found = true }
                    i += 1
                }
            }
            return found != negate && matchSegment(pattern[(close + 1)...], name.dropFirst())
        case "\\":
            let escaped = pattern.dropFirst()
            guard let literal = escaped.first, name.first == literal else { return false }
            return matchSegment(escaped.dropFirst(), name.dropFirst())
        default:
            return name.first == p && matchSegment(pattern.dropFirst(), name.dropFirst())
        }
    }
}
