import Model

/// Reads principals and conditions in both spellings: JSON (`{"AWS": […]}`, `{"StringEquals": {key: values}}`) and
/// `aws_iam_policy_document` blocks (`principals { type, identifiers }`, `condition { test, variable, values }`).
enum PolicyFieldReader {
    /// The principals of a `Principal` value, and whether some are known only after apply.
    static func principals(_ value: Value, at location: String) throws(PolicyParseError) -> ([PolicyPrincipal], Bool) {
        if !value.isKnown { return ([], true) }
        if let text = value.stringValue {
            guard text == "*" else {
                throw PolicyParseError(.invalidField, at: location, "a Principal given as a string must be \"*\"")
            }
            return ([PolicyPrincipal(type: "*", identifiers: PatternList(["*"]))], false)
        }
        if let members = value.members {
            var out: [PolicyPrincipal] = []
            var unknown = false
            for key in members.keys.sorted() {
                guard let ids = members[key].flatMap(PatternList.read) else {
                    throw PolicyParseError(.invalidField, at: location + "." + key, "principal identifiers are not strings")
                }
                unknown = unknown || ids.hasUnknown
                out.append(PolicyPrincipal(type: key, identifiers: ids))
            }
            return (out, unknown)
        }
        guard let blocks = value.elements else {
            throw PolicyParseError(.invalidField, at: location, "Principal is not \"*\", an object or a list of blocks")
        }
        var out: [PolicyPrincipal] = []
        var unknown = false
        for (i, block) in blocks.enumerated() {
            guard block.isKnown else {
                unknown = true
                continue
            }
            guard let fields = block.members else {
                throw PolicyParseError(.invalidField, at: "\(location)[\(i)]", "principals block is not an object")
            }
            let type = fields["type"] ?? .null
            guard let ids = PatternList.read(fields["identifiers"] ?? .null) else {
                throw PolicyParseError(.invalidField, at: "\(location)[\(i)].identifiers", "identifiers are not strings")
            }
            unknown = unknown || ids.hasUnknown || !type.isKnown
            out.append(PolicyPrincipal(type: type.stringValue ?? "", identifiers: ids, typeUnknown: !type.isKnown))
        }
        return (out, unknown)
    }

    /// The tests of a `Condition` value, and whether some are known only after apply.
    static func conditions(_ value: Value, at location: String) throws(PolicyParseError) -> ([PolicyCondition], Bool) {
        if !value.isKnown { return ([], true) }
        if let operators = value.members {
            var out: [PolicyCondition] = []
            var unknown = false
            for op in operators.keys.sorted() {
                guard let keys = operators[op], keys.isKnown else {
                    // The operator is there, so the statement is conditioned; what it tests is unknown.
                    unknown = true
                    out.append(PolicyCondition(operator: op, key: "", values: PatternList([], hasUnknown: true)))
                    continue
                }
                guard let tests = keys.members else {
                    throw PolicyParseError(.invalidField, at: location + "." + op, "condition operator does not map keys to values")
                }
                for key in tests.keys.sorted() {
                    guard let values = tests[key].flatMap(PatternList.read) else {
                        throw PolicyParseError(.invalidField, at: "\(location).\(op).\(key)", "condition values are not strings")
                    }
                    unknown = unknown || values.hasUnknown
                    out.append(PolicyCondition(operator: op, key: key, values: values))
                }
            }
            return (out, unknown)
        }
        guard let blocks = value.elements else {
            throw PolicyParseError(.invalidField, at: location, "Condition is not an object or a list of blocks")
        }
        var out: [PolicyCondition] = []
        var unknown = false
        for (i, block) in blocks.enumerated() {
            guard block.isKnown, let fields = block.members else {
                if !block.isKnown {
                    unknown = true
                    continue
                }
                throw PolicyParseError(.invalidField, at: "\(location)[\(i)]", "condition block is not an object")
            }
            let test = fields["test"] ?? .null
            let variable = fields["variable"] ?? .null
            guard let values = PatternList.read(fields["values"] ?? .null) else {
                throw PolicyParseError(.invalidField, at: "\(location)[\(i)].values", "condition values are not strings")
            }
            unknown = unknown || !test.isKnown || !variable.isKnown || values.hasUnknown
            out.append(PolicyCondition(operator: test.stringValue ?? "", key: variable.stringValue ?? "", values: values))
        }
        return (out, unknown)
    }
}
