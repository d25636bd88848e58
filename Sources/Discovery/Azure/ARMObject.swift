import Model

/// Read access to one ARM resource body by dotted path (`properties.networkAcls.defaultAction`).
struct ARMObject: Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }

    /// The value at `path`, or nil when any step is missing or not an object.
    subscript(path: String) -> Value? {
        var current: Value? = value
        for key in path.split(separator: ".") {
            guard let members = current?.members else { return nil }
            current = members[String(key)]
        }
        if case .null? = current { return nil }
        return current
    }

    func string(_ path: String) -> String? { self[path]?.stringValue }
    func bool(_ path: String) -> Bool? { self[path]?.boolValue }
    func number(_ path: String) -> Double? { self[path]?.numberValue }
    /// The array at `path`; empty when absent or not an array.
    func list(_ path: String) -> [Value] { self[path]?.elements ?? [] }
    /// The objects of the array at `path`.
    func objects(_ path: String) -> [ARMObject] { list(path).map(ARMObject.init) }

    /// The ARM resource ID (`id`), empty when missing.
    var id: String { string("id") ?? "" }
    /// The resource's `name`, empty when missing.
    var name: String { string("name") ?? "" }
    /// The resource's `location`, when it has one.
    var location: String? { string("location") }
    /// The resource group named in the ID.
    var resourceGroup: String? { ARMObject.segment(after: "resourceGroups", in: id) }

    /// The ID segment after `key` (case-insensitive, as ARM IDs are).
    static func segment(after key: String, in id: String) -> String? {
        let parts = id.split(separator: "/").map(String.init)
        guard let index = parts.firstIndex(where: { $0.caseInsensitiveCompare(key) == .orderedSame }),
            index + 1 < parts.count
        else { return nil }
        return parts[index + 1]
    }
}

extension Dictionary where Key == String, Value == Model.Value {
    /// Sets `key` to `value` when there is a value; absent ARM properties stay absent attributes.
    mutating func put(_ key: String, _ value: Model.Value?) {
        if let value { self[key] = value }
    }

    /// Sets a string attribute when present.
    mutating func put(_ key: String, _ text: String?) {
        if let text { self[key] = .string(text) }
    }

    /// Sets a boolean attribute when present.
    mutating func put(_ key: String, _ flag: Bool?) {
        if let flag { self[key] = .bool(flag) }
    }

    /// Sets a number attribute when present.
    mutating func put(_ key: String, _ number: Double?) {
        if let number { self[key] = .number(number) }
    }

    /// Sets a list of strings when the list is not empty.
    mutating func put(_ key: String, strings: [String]) {
        if !strings.isEmpty { self[key] = .list(strings.map(Model.Value.string)) }
    }
}

extension ARMObject {
    /// `name`, `resource_group_name` and `location`: the attributes every resource-group resource starts with.
    var baseAttributes: [String: Value] {
        var attributes: [String: Value] = [:]
        attributes.put("name", name)
        attributes.put("resource_group_name", resourceGroup)
        attributes.put("location", location)
        return attributes
    }
}
