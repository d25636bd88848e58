/// The resource types a Bulwark check file applies to, read from its text without parsing the YAML, so a library
/// can be indexed by type and compile only the checks a scan's resources need.
///
/// Only the plain forms the library is written in are read: a top-level `resource_types:` with a one-line flow
/// list (`[aws_s3_bucket, "data.aws_iam_policy"]`), a single plain or quoted scalar, or a block list of `- item`
/// lines. Anything else (comments, flow lists over several lines, anchors, more than one key, Checkov policies)
/// gives nil: the file's types are not known and the caller must treat it as applying to every type.
enum CheckFileIndex {
    /// The types `text` names under `resource_types:`, or nil when they cannot be read this way.
    static func resourceTypes(in text: String) -> [String]? {
        if CheckLibrary.isCheckovPolicy(text) { return nil }
        // Lines are compared as bytes: the whole library is read this way when a scan first has resources, and
        // Character comparisons (grapheme breaking) cost as much as compiling the checks. A `\r` before the `\n`
        // stays at the end of its line and is trimmed as blank.
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let key = "resource_types:".utf8
        var found: [String]?
        var i = 0
        while i < lines.count {
            let bytes = lines[i]
            i += 1
            guard bytes.starts(with: key) else { continue }
            let line = Substring(bytes)
            // A repeated key is the loader's error to report; the index does not guess which one counts.
            if found != nil { return nil }
            let rest = trimmed(line.dropFirst("resource_types:".count))
            if rest.isEmpty {
                var items: [String] = []
                while i < lines.count, let item = blockItem(Substring(lines[i])) {
                    guard let name = scalar(item) else { return nil }
                    items.append(name)
                    i += 1
                }
                // The block ends at a top-level key or the end of the file; anything indented is not a plain list.
                if i < lines.count, let next = lines[i].first, next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") { return nil }
                guard !items.isEmpty else { return nil }
                found = items
            } else if rest.first == "[" {
                guard rest.last == "]" else { return nil }
                var items: [String] = []
                for part in rest.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false) {
                    guard let name = scalar(trimmed(part)) else { return nil }
                    items.append(name)
                }
                guard !items.isEmpty else { return nil }
                found = items
            } else {
                guard let name = scalar(rest) else { return nil }
                found = [name]
            }
        }
        return found
    }

    /// The text after `- ` of an indented block-list line; nil for any other line.
    private static func blockItem(_ line: Substring) -> Substring? {
        let body = line.drop { $0 == " " }
        guard body.count < line.count, body.hasPrefix("- ") else { return nil }
        return trimmed(body.dropFirst(2))
    }

    /// A type name, unquoted; nil when the text holds anything a type name cannot (so YAML might read it otherwise).
    private static func scalar(_ text: Substring) -> String? {
        var body = text
        if body.count >= 2, let first = body.first, first == "\"" || first == "'", body.last == first {
            body = body.dropFirst().dropLast()
        }
        guard !body.isEmpty,
            body.utf8.allSatisfy({ byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            }) || body == "*"
        else { return nil }
        if body.count == text.count {
            // Plain scalars that YAML reads as something other than text (numbers, booleans, null, an alias) are
            // left to the loader.
            if let first = body.utf8.first, !(UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first | 0x20), first != UInt8(ascii: "_") {
                return nil
            }
            if ["null", "true", "false", "yes", "no", "on", "off", "y", "n"].contains(body.lowercased()) { return nil }
        }
        return String(body)
    }

    private static func trimmed(_ text: Substring) -> Substring {
        var text = text
        while let c = text.first, c == " " || c == "\t" { text = text.dropFirst() }
        while let c = text.last, c == " " || c == "\t" || c == "\r" { text = text.dropLast() }
        return text
    }
}
