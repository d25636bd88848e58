/// Whitespace rules of templates: strip markers and the flush (`<<-`) heredoc indentation.
enum Heredoc {
    /// Removes the smallest leading-whitespace width shared by all non-blank lines, as HCL does:
    /// widths are measured on the literal tokens that begin lines, so interpolated values never
    /// affect them, and a line that begins with an interpolation has width zero.
    static func flush(_ parts: inout [RawTemplatePart]) {
        var minimum = Int.max
        var atLineStart = true
        var adjust: [Int] = []
        for (index, part) in parts.enumerated() {
            if atLineStart {
                atLineStart = false
                var width = 0
                if case .literal(let text) = part {
                    let (count, allSpace) = leadingWhitespace(text)
                    if allSpace && text.hasSuffix("\n") {
                        width = Int.max
                    } else {
                        width = count
                        adjust.append(index)
                    }
                }
                minimum = min(minimum, width)
            }
            if case .literal(let text) = part, text.hasSuffix("\n") {
                atLineStart = true
            }
        }
        guard minimum > 0, minimum != Int.max else { return }
        for index in adjust {
            guard case .literal(let text) = parts[index] else { continue }
            let utf8 = text.utf8
            if let prefixEnd = utf8.index(utf8.startIndex, offsetBy: minimum, limitedBy: utf8.endIndex),
                utf8[..<prefixEnd].allSatisfy({ $0 == 0x20 || $0 == 0x09 })
            {
                parts[index] = .literal(String(text[prefixEnd...]))
            } else {
                parts[index] = .literal(String(text.unicodeScalars.dropFirst(minimum)))
            }
        }
    }

    /// Number of leading whitespace scalars, and whether the whole text is whitespace.
    static func leadingWhitespace(_ text: String) -> (Int, Bool) {
        var count = 0
        // ASCII fast path: indentation is almost always spaces and tabs.
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 {
                count += 1
                continue
            }
            if byte >= 0x80 { break }
            if byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C {
                count += 1
                continue
            }
            return (count, false)
        }
        if count == text.utf8.count { return (count, true) }
        count = 0
        for scalar in text.unicodeScalars {
            guard scalar.properties.isWhitespace else { return (count, false) }
            count += 1
        }
        return (count, true)
    }

    static func trimmingLeadingWhitespace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...])
    }

    static func trimmingTrailingWhitespace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[...last])
    }
}
