import Foundation

/// Typed reads from `JSONSerialization` objects, so the readers never cast data from outside by force.
struct JSONFields {
    let object: [String: Any]

    init(_ object: [String: Any]) { self.object = object }
    init?(_ any: Any?) {
        guard let object = any as? [String: Any] else { return nil }
        self.object = object
    }

    func string(_ key: String) -> String? {
        switch object[key] {
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        default: return nil
        }
    }

    func bool(_ key: String) -> Bool? {
        switch object[key] {
        case let s as String: return s.lowercased() == "true" ? true : s.lowercased() == "false" ? false : nil
        case let n as NSNumber: return n.boolValue
        default: return nil
        }
    }

    func child(_ key: String) -> JSONFields? { JSONFields(object[key]) }

    func array(_ key: String) -> [Any]? { object[key] as? [Any] }

    /// `{"value": "x", "localizedValue": …}` (Azure's localizable strings) or a plain string.
    func localized(_ key: String) -> String? { child(key)?.string("value") ?? string(key) }

    /// Scalars under `object` as `a.b.c` paths, array levels skipped, bounded so a huge request stays cheap. The depth
    /// counts array levels too: EC2's `ipPermissions.items[].ipRanges.items[].cidrIp` sits at depth 7.
    static func flatten(_ value: Any?, maxEntries: Int = 64, maxDepth: Int = 8) -> [String: String] {
        var out: [String: String] = [:]
        func walk(_ value: Any, _ path: String, _ depth: Int) {
            guard out.count < maxEntries, depth <= maxDepth else { return }
            switch value {
            case let dict as [String: Any]:
                for key in dict.keys.sorted() {
                    guard let child = dict[key] else { continue }
                    walk(child, path.isEmpty ? key : path + "." + key, depth + 1)
                }
            case let array as [Any]:
                for element in array.prefix(maxEntries) { walk(element, path, depth + 1) }
            case let s as String:
                // Several array elements may share a path: keep them all, comma-separated.
                let v = String(s.prefix(256))
                if let old = out[path] {
                    if !old.split(separator: ",").contains(Substring(v)) { out[path] = old + "," + v }
                } else {
                    out[path] = v
                }
            case let n as NSNumber:
                if out[path] == nil { out[path] = n.stringValue }
            default:
                break
            }
        }
        if let value { walk(value, "", 0) }
        return out
    }
}
