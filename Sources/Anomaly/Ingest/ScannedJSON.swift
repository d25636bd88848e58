/// A JSON value as `JSONScanner` reads it: only the shapes `JSONSerialization` hands the readers in the same
/// form (strings, whole numbers as their literal text, booleans, null, arrays, objects in written order).
indirect enum ScannedJSON {
    case string(String)
    /// A whole number that fits in 64 bits, as written (which is also `NSNumber.stringValue`).
    case integer(String)
    case bool(Bool)
    case null
    case array([ScannedJSON])
    /// Members in written order; a repeated key counts once, its last value (as `JSONSerialization` reads it).
    case object([(key: String, value: ScannedJSON)])

    /// The text `JSONFields.string` gives for this value: strings as they are, numbers as `NSNumber.stringValue`
    /// (booleans are `NSNumber`s there, "1" and "0").
    var text: String? {
        switch self {
        case .string(let s): return s
        case .integer(let t): return t
        case .bool(let b): return b ? "1" : "0"
        default: return nil
        }
    }

    /// The value `JSONFields.bool` gives: "true"/"false" strings in any case, numbers as `NSNumber.boolValue`.
    var flag: Bool? {
        switch self {
        case .string(let s):
            let lowered = s.lowercased()
            return lowered == "true" ? true : lowered == "false" ? false : nil
        case .integer(let t): return t != "0"
        case .bool(let b): return b
        default: return nil
        }
    }
}

/// Typed reads of one record's JSON object, whichever reader built it, so one normalisation serves both.
protocol RecordFields {
    /// A string or number member as text.
    func string(_ key: String) -> String?
    /// A boolean member (or "true"/"false").
    func bool(_ key: String) -> Bool?
    /// An object member.
    func child(_ key: String) -> Self?
    /// The first element of an array member, when it is an object.
    func firstObject(in key: String) -> Self?
    /// The scalars under a member as dotted paths (see `JSONFields.flatten`).
    func flattened(_ key: String) -> [String: String]
    /// Member names not in `known`.
    func keys(notIn known: Set<String>) -> [String]
}

extension JSONFields: RecordFields {
    func firstObject(in key: String) -> JSONFields? { array(key)?.first.flatMap { JSONFields($0) } }
    func flattened(_ key: String) -> [String: String] { JSONFields.flatten(object[key]) }
    func keys(notIn known: Set<String>) -> [String] { object.keys.filter { !known.contains($0) } }
}

/// Members of a scanned object; a repeated key reads as its last value.
struct ScannedFields: RecordFields {
    var members: [(key: String, value: ScannedJSON)]

    func value(_ key: String) -> ScannedJSON? {
        var i = members.count - 1
        while i >= 0 {
            if members[i].key == key { return members[i].value }
            i -= 1
        }
        return nil
    }

    func string(_ key: String) -> String? { value(key)?.text }
    func bool(_ key: String) -> Bool? { value(key)?.flag }

    func child(_ key: String) -> ScannedFields? {
        guard case .object(let members) = value(key) else { return nil }
        return ScannedFields(members: members)
    }

    func firstObject(in key: String) -> ScannedFields? {
        guard case .array(let elements) = value(key), case .object(let members) = elements.first else { return nil }
        return ScannedFields(members: members)
    }

    func keys(notIn known: Set<String>) -> [String] {
        var out: [String] = []
        for (key, _) in members where !known.contains(key) && !out.contains(key) { out.append(key) }
        return out
    }

    func flattened(_ key: String) -> [String: String] {
        guard let value = value(key) else { return [:] }
        return Self.flatten(value)
    }

    /// `JSONFields.flatten` over a scanned value: the same paths, order, caps and joining.
    static func flatten(_ value: ScannedJSON, maxEntries: Int = 64, maxDepth: Int = 8) -> [String: String] {
        var out: [String: String] = [:]
        func walk(_ value: ScannedJSON, _ path: String, _ depth: Int) {
            guard out.count < maxEntries, depth <= maxDepth else { return }
            switch value {
            case .object(let members):
                for (key, child) in uniqueSorted(members) {
                    walk(child, path.isEmpty ? key : path + "." + key, depth + 1)
                }
            case .array(let elements):
                for element in elements.prefix(maxEntries) { walk(element, path, depth + 1) }
            case .string(let s):
                let v = String(s.prefix(256))
                if let old = out[path] {
                    if !old.split(separator: ",").contains(Substring(v)) { out[path] = old + "," + v }
                } else {
                    out[path] = v
                }
            case .integer, .bool:
                if out[path] == nil { out[path] = value.text }
            case .null:
                break
            }
        }
        walk(value, "", 0)
        return out
    }

    /// Members by key (as a dictionary's sorted keys), each key once with its last value.
    static func uniqueSorted(_ members: [(key: String, value: ScannedJSON)]) -> [(key: String, value: ScannedJSON)] {
        var ordered = true
        for k in members.indices.dropFirst() where !(members[k - 1].key < members[k].key) {
            ordered = false
            break
        }
        if ordered { return members }
        let order = members.indices.sorted { a, b in
            members[a].key != members[b].key ? members[a].key < members[b].key : a > b
        }
        var out: [(key: String, value: ScannedJSON)] = []
        out.reserveCapacity(members.count)
        for i in order where out.last?.key != members[i].key { out.append(members[i]) }
        return out
    }
}
