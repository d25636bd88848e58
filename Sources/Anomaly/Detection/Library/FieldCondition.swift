/// One test on a field of an event: `request.<path>` (a flattened request parameter; a trailing `*` takes every
/// parameter under that path), `response.<path>` (a flattened response element, the same way), or `errorCode`, `userAgent`, `region`, `sourceIP`, `resource`, `principal`,
/// `principalType`, `service`, `readOnly`.
public struct FieldCondition: Sendable, Hashable {
    /// What the field's value must satisfy.
    public enum Test: Sendable, Hashable {
        /// Equal to one of these (case-insensitive); a comma-joined list of array values matches if any element does.
        case equals([String])
        /// Holds one of these substrings (case-insensitive).
        case contains([String])
        /// Present (true) or absent (false).
        case present(Bool)
        /// Names someone other than the acting principal (a user name that is not the principal's own).
        case differsFromPrincipal
        /// Holds a 12-digit AWS account ID other than the event's own account, or the `all` group (public).
        case foreignAccount
    }

    /// The field name as written in the file.
    public var field: String
    public var test: Test

    /// A condition on `field`.
    public init(field: String, test: Test) {
        self.field = field
        self.test = test
    }

    /// The values of the field in `event`; empty when absent.
    static func values(_ field: String, of event: ActivityEvent) -> [String] {
        for (prefix, fields) in [("request.", event.request), ("response.", event.response)] where field.hasPrefix(prefix) {
            let path = field.dropFirst(prefix.count)
            if path.hasSuffix("*") {
                let head = path.dropLast()
                return fields.keys.sorted().filter { $0.hasPrefix(head) }.compactMap { fields[$0] }
            }
            return fields[String(path)].map { [$0] } ?? []
        }
        let value: String?
        switch field {
        case "errorCode": value = event.errorCode
        case "userAgent": value = event.userAgent
        case "region": value = event.region
        case "sourceIP": value = event.sourceIP
        case "resource": value = event.resource
        case "principal": value = event.principal
        case "principalType": value = event.principalType.rawValue
        case "service": value = event.service
        case "readOnly": value = event.readOnly ? "true" : "false"
        default: value = nil
        }
        guard let value, !value.isEmpty else { return [] }
        return [value]
    }

    /// Whether `field` names request parameters or response elements (`request.PATH`, `response.PATH`).
    static func isParameterPath(_ field: String) -> Bool {
        ["request.", "response."].contains { field.hasPrefix($0) && field.count > $0.count }
    }

    /// The fields a condition may name besides `request.…` and `response.…`.
    static let eventFields: Set<String> = [
        "errorCode", "userAgent", "region", "sourceIP", "resource", "principal", "principalType", "service", "readOnly",
    ]

    /// Whether `event` satisfies the condition.
    public func holds(for event: ActivityEvent) -> Bool {
        let found = Self.values(field, of: event)
        switch test {
        case .present(let wanted):
            return found.isEmpty != wanted
        case .equals(let options):
            let lowered = Set(options.map { $0.lowercased() })
            return found.contains { value in
                lowered.contains(value.lowercased())
                    || value.split(separator: ",").contains { lowered.contains($0.lowercased()) }
            }
        case .contains(let needles):
            let lowered = needles.map { $0.lowercased() }
            return found.contains { value in
                let v = value.lowercased()
                return lowered.contains { Self.substring($0, of: v) }
            }
        case .differsFromPrincipal:
            return found.contains { name in
                !event.principal.hasSuffix(":user/" + name) && !event.principal.hasSuffix("/" + name)
            }
        case .foreignAccount:
            return found.contains { Self.namesForeignAccount($0, own: event.account) }
        }
    }

    /// Whether `text` holds `needle`. Both ASCII (nearly always): a byte search, which answers as Foundation's
    /// search does for ASCII and costs a fraction of it; else Foundation's search itself.
    static func substring(_ needle: String, of text: String) -> Bool {
        var needleCopy = needle
        var textCopy = text
        let fast = needleCopy.withUTF8 { n in
            textCopy.withUTF8 { t -> Bool? in
                guard !n.isEmpty, n.allSatisfy({ $0 < 0x80 }), t.allSatisfy({ $0 < 0x80 }) else { return nil }
                guard n.count <= t.count else { return false }
                for start in 0...(t.count - n.count) where t[start] == n[0] {
                    var k = 1
                    while k < n.count && t[start + k] == n[k] { k += 1 }
                    if k == n.count { return true }
                }
                return false
            }
        }
        if let fast { return fast }
        return text.contains(needle)
    }

    /// Whether `text` holds a 12-digit account ID other than `own`, or is the public `all` group.
    static func namesForeignAccount(_ text: String, own: String) -> Bool {
        if text.split(separator: ",").contains(where: { $0.lowercased() == "all" || $0 == "*" }) { return true }
        var run = ""
        func foreign() -> Bool { run.count == 12 && run != own }
        for ch in text {
            if ch.isASCII && ch.isNumber {
                run.append(ch)
            } else {
                if foreign() { return true }
                run = ""
            }
        }
        return foreign()
    }
}
