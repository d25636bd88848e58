/// The generated action table (`ActionTableA`…`D`): one line per service, `prefix|W:Action,Other!|P:…`, `!` marking
/// actions that can only be granted on Resource `*`.
enum ActionTable {
    /// One row of the table.
    struct Row {
        let service: String
        let name: String
        let level: AccessLevel
        /// The reference lists a resource type for the action, so a statement can restrict it to ARNs.
        let restrictable: Bool
    }

    /// Every action of every service, in table order.
    static func rows() -> [Row] {
        var out: [Row] = []
        out.reserveCapacity(18_000)
        for chunk in [servicesA, servicesB, servicesC, servicesD] {
            for line in chunk.split(separator: "\n") {
                let fields = line.split(separator: "|")
                guard let service = fields.first else { continue }
                for field in fields.dropFirst() {
                    guard let code = field.first, let level = AccessLevel(code: code), field.dropFirst().first == ":" else {
                        continue
                    }
                    for action in field.dropFirst(2).split(separator: ",") {
                        let wildcardOnly = action.hasSuffix("!")
                        let name = wildcardOnly ? action.dropLast() : action
                        out.append(Row(service: String(service), name: String(name), level: level, restrictable: !wildcardOnly))
                    }
                }
            }
        }
        return out
    }
}
