import HCL

/// A JSON value written the way Go's `encoding/json` writes it, which is how the AWS provider produces policy text:
/// object members in the order given (struct fields in declaration order; callers sort map keys), strings escaped
/// as Go escapes them, `json.MarshalIndent(v, "", "  ")` layout for the indented form.
indirect enum PolicyJSON: Sendable {
    case null
    case bool(Bool)
    /// The number's text as Go prints a float64.
    case number(String)
    case string(String)
    case array([PolicyJSON])
    case object([(key: String, value: PolicyJSON)])

    /// `json.Marshal`: no whitespace at all.
    var compact: String {
        var out = ""
        write(to: &out, indent: nil)
        return out
    }

    /// `json.MarshalIndent` with no prefix and two spaces per level.
    var indented: String {
        var out = ""
        write(to: &out, indent: 0)
        return out
    }

    /// An object whose keys are sorted as Go sorts map keys (by bytes), as `json.Marshal` does for maps.
    static func sortedObject(_ members: [String: PolicyJSON]) -> PolicyJSON {
        .object(members.keys.sorted(by: goLess).map { (key: $0, value: members[$0] ?? .null) })
    }

    /// A string, or an array of strings.
    static func strings(_ values: [String]) -> PolicyJSON {
        .array(values.map(PolicyJSON.string))
    }

    /// Go's string order: bytewise over UTF-8.
    static func goLess(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// The text Go's encoder gives a float64: the shortest digits that read back as `n`, in plain decimal
    /// from 1e-6 up to 1e21 and in exponent form (`1e-7`, `1e+21`) outside.
    static func goNumber(_ n: Double) -> String {
        guard n.isFinite else { return "null" }
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        // Swift's description has the same shortest round-trip digits; only the layout differs.
        let text = "\(n)"
        let magnitude = abs(n)
        let useExponent = magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21)
        let parts = text.lowercased().split(separator: "e", maxSplits: 1).map(String.init)
        var mantissa = parts[0]
        if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        if useExponent {
            // Go writes at least two exponent digits, then shortens a negative one (`e-07` → `e-7`); a positive
            // exponent here is 21 or more.
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + String(abs(exponent))
        }
        guard exponent != 0 else { return mantissa }
        return plainDecimal(mantissa: mantissa, exponent: exponent)
    }

    /// `1.5` with exponent 20 → `150000000000000000000`; `1.5` with exponent -3 → `0.0015`.
    private static func plainDecimal(mantissa: String, exponent: Int) -> String {
        var body = mantissa
        let negative = body.hasPrefix("-")
        if negative { body.removeFirst() }
        let pieces = body.split(separator: ".", maxSplits: 1).map(String.init)
        let whole = pieces[0]
        let fraction = pieces.count > 1 ? pieces[1] : ""
        let digits = whole + fraction
        let point = whole.count + exponent
        var out: String
        if point <= 0 {
            out = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            out = digits + String(repeating: "0", count: point - digits.count)
        } else {
            out = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        }
        while out.hasPrefix("0"), out.count > 1, !out.hasPrefix("0.") { out.removeFirst() }
        return (negative ? "-" : "") + out
    }

    private func write(to out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let text): out += text
        case .string(let s): JSONEncoding.appendString(s, to: &out)
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                Self.newline(&out, indent.map { $0 + 1 })
                item.write(to: &out, indent: indent.map { $0 + 1 })
            }
            Self.newline(&out, indent)
            out += "]"
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{"
            for (i, member) in members.enumerated() {
                if i > 0 { out += "," }
                Self.newline(&out, indent.map { $0 + 1 })
                JSONEncoding.appendString(member.key, to: &out)
                out += indent == nil ? ":" : ": "
                member.value.write(to: &out, indent: indent.map { $0 + 1 })
            }
            Self.newline(&out, indent)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ level: Int?) {
        guard let level else { return }
        out += "\n" + String(repeating: "  ", count: level)
    }
}
