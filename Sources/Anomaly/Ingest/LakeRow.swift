import Foundation

/// Rebuilds a CloudTrail record from one CloudTrail Lake query result row: a list of one-column objects
/// (`[{"eventTime": "…"}, {"userIdentity": "{type=IAMUser, arn=…}"}]`). Lake writes column names in lower case
/// and nested structures in its SQL engine's `{key=value, …}` notation; both are mapped back to CloudTrail's fields.
enum LakeRow {
    /// CloudTrail field names the reader uses, by their lower-case spelling.
    static let canonical: [String: String] = {
        var names: [String: String] = [:]
        let fields =
            Array(CloudTrailRecord.knownFields) + [
                "type", "arn", "principalId", "accountId", "userName", "sessionContext", "sessionIssuer", "invokedBy",
                "attributes", "mfaAuthenticated", "accessKeyId", "creationDate", "MFAUsed", "ConsoleLogin",
            ]
        for name in fields { names[name.lowercased()] = name }
        return names
    }()

    /// The row as CloudTrail record fields; nil when it is not a list of objects. A column `eventJson` holding
    /// the whole record is used as it is.
    static func record(_ value: Any) -> JSONFields? {
        guard let columns = value as? [Any] else { return JSONFields(value) }
        var merged: [String: Any] = [:]
        for column in columns {
            guard let pair = column as? [String: Any] else { return nil }
            for (key, value) in pair { merged[key] = value }
        }
        if let json = (merged["eventJson"] ?? merged["eventjson"]) as? String,
            let inner = try? JSONSerialization.jsonObject(with: Data(json.utf8)), let fields = JSONFields(inner)
        {
            return fields
        }
        var record: [String: Any] = [:]
        for (key, value) in merged {
            let name = canonical[key.lowercased()] ?? key
            if let text = value as? String, text.hasPrefix("{"), let parsed = structure(text) {
                record[name] = parsed
            } else {
                record[name] = value
            }
        }
        return JSONFields(record)
    }

    /// Parses `{key=value, key={…}, …}`; nil when the text is not in that notation.
    static func structure(_ text: String) -> [String: Any]? {
        var chars = Substring(text)
        return parseObject(&chars)
    }

    static func parseObject(_ s: inout Substring) -> [String: Any]? {
        guard s.first == "{" else { return nil }
        s.removeFirst()
        var out: [String: Any] = [:]
        while let c = s.first, c != "}" {
            if c == "," || c == " " {
                s.removeFirst()
                continue
            }
            guard let eq = s.firstIndex(of: "=") else { return nil }
            let key = String(s[s.startIndex..<eq]).trimmingCharacters(in: .whitespaces)
            s = s[s.index(after: eq)...]
            let name = canonical[key.lowercased()] ?? key
            if s.first == "{" {
                guard let child = parseObject(&s) else { return nil }
                out[name] = child
            } else {
                // A scalar runs to the next ", " or "}" at this level.
                var end = s.startIndex
                while end < s.endIndex, s[end] != "}", !(s[end] == "," && s.index(after: end) < s.endIndex && s[s.index(after: end)] == " ")
                {
                    end = s.index(after: end)
                }
                let scalar = String(s[s.startIndex..<end])
                if scalar != "null" { out[name] = scalar }
                s = s[end...]
            }
        }
        guard s.first == "}" else { return nil }
        s.removeFirst()
        return out
    }
}
