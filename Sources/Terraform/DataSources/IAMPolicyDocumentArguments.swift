import Foundation
import Model

/// Reads an `aws_iam_policy_document` block's arguments (wholly known values) into the provider's policy model,
/// with the provider's schema rules: `effect` defaults to Allow, `version` to 2012-10-17, string sets
/// (`actions`, `resources`, `identifiers`, …) lose duplicates and a single element is written as a string, more
/// as a list in reverse sorted order, condition `values` keep their order, and `&{` becomes `${` in resources,
/// identifiers and condition values (policy variables that HCL would otherwise interpolate).
struct IAMPolicyDocumentArguments {
    let arguments: [String: Value]

    /// The versions the data source accepts.
    static let versions: Set<String> = ["2008-10-17", "2012-10-17"]

    /// `version`, defaulted.
    func version() throws(IAMPolicyDocumentError) -> String {
        guard let v = try Self.optionalString(arguments["version"], at: "version") else { return "2012-10-17" }
        guard Self.versions.contains(v) else {
            throw IAMPolicyDocumentError(.invalidArgument, "must be 2008-10-17 or 2012-10-17, found \"\(v)\"", at: "version")
        }
        return v
    }

    /// The document the block's own `policy_id`, `version` and `statement` blocks describe.
    func document() throws(IAMPolicyDocumentError) -> IAMPolicyDocument {
        var doc = IAMPolicyDocument()
        doc.version = try version()
        doc.id = try Self.optionalString(arguments["policy_id"], at: "policy_id") ?? ""
        var sids: Set<String> = []
        for (i, block) in try Self.objects(arguments["statement"], at: "statement").enumerated() {
            let statement = try self.statement(block, at: "statement[\(i)]", version: doc.version)
            if !statement.sid.isEmpty, !sids.insert(statement.sid).inserted {
                throw IAMPolicyDocumentError(
                    .duplicateSid, "duplicate Sid (\(statement.sid)); remove the Sid or make it unique", at: "statement[\(i)].sid")
            }
            doc.statements.append(statement)
        }
        return doc
    }

    /// The JSON texts of a list-of-strings argument (`source_policy_documents`), nulls skipped as the provider
    /// skips them.
    func documents(_ name: String) throws(IAMPolicyDocumentError) -> [(text: String, location: String)] {
        guard let value = arguments[name], !value.isNull else { return [] }
        guard let items = value.elements else {
            throw IAMPolicyDocumentError(.invalidArgument, "must be a list of JSON strings, found \(value.typeName)", at: name)
        }
        var out: [(text: String, location: String)] = []
        for (i, item) in items.enumerated() where !item.isNull {
            let at = "\(name)[\(i)]"
            guard let text = try Self.optionalString(item, at: at) else { continue }
            out.append((text: text, location: at))
        }
        return out
    }

    /// A deprecated single-document argument (`source_json`); empty counts as unset, as the provider reads it.
    func deprecatedDocument(_ name: String) throws(IAMPolicyDocumentError) -> String? {
        guard let text = try Self.optionalString(arguments[name], at: name), !text.isEmpty else { return nil }
        return text
    }

    private func statement(
        _ block: [String: Value], at location: String, version: String
    ) throws(IAMPolicyDocumentError) -> IAMPolicyDocument.Statement {
        var s = IAMPolicyDocument.Statement()
        s.sid = try Self.optionalString(block["sid"], at: location + ".sid") ?? ""
        guard s.sid.unicodeScalars.allSatisfy(Self.isAlphanumeric) else {
            throw IAMPolicyDocumentError(
                .invalidArgument, "must only include alphanumeric characters, found \"\(s.sid)\"", at: location + ".sid")
        }
        s.effect = try Self.optionalString(block["effect"], at: location + ".effect") ?? "Allow"
        guard s.effect == "Allow" || s.effect == "Deny" else {
            throw IAMPolicyDocumentError(.invalidArgument, "must be Allow or Deny, found \"\(s.effect)\"", at: location + ".effect")
        }
        s.actions = try stringSet(block["actions"], at: location + ".actions", version: nil)?.json
        s.notActions = try stringSet(block["not_actions"], at: location + ".not_actions", version: nil)?.json
        s.resources = try stringSet(block["resources"], at: location + ".resources", version: version)?.json
        s.notResources = try stringSet(block["not_resources"], at: location + ".not_resources", version: version)?.json
        s.principals = try principals(block["principals"], at: location + ".principals", version: version)
        s.notPrincipals = try principals(block["not_principals"], at: location + ".not_principals", version: version)
        s.conditions = try conditions(block["condition"], at: location + ".condition", version: version)
        return s
    }

    /// `principals` blocks in the order the provider reads them (a set: see `PluginSDKSetOrder`).
    private func principals(
        _ value: Value?, at location: String, version: String
    ) throws(IAMPolicyDocumentError) -> [IAMPolicyDocument.Principal] {
        var blocks: [(type: String, identifiers: [String], at: String)] = []
        for (i, block) in try Self.objects(value, at: location).enumerated() {
            let at = "\(location)[\(i)]"
            guard let type = try Self.optionalString(block["type"], at: at + ".type") else {
                throw IAMPolicyDocumentError(.invalidArgument, "the argument \"type\" is required", at: at)
            }
            guard let identifiers = try Self.strings(block["identifiers"], at: at + ".identifiers") else {
                throw IAMPolicyDocumentError(.invalidArgument, "the argument \"identifiers\" is required", at: at)
            }
            blocks.append((type: type, identifiers: identifiers, at: at))
        }
        let ordered = PluginSDKSetOrder.ordered(blocks) { block in
            "identifiers:{" + PluginSDKSetOrder.strings(block.identifiers).map { $0 + ";" }.joined() + "};type:" + block.type + ";"
        }
        var out: [IAMPolicyDocument.Principal] = []
        for block in ordered {
            let identifiers = try Self.decoded(block.identifiers, at: block.at + ".identifiers", version: version)
            out.append(IAMPolicyDocument.Principal(type: block.type, identifiers: identifiers))
        }
        return out
    }

    /// `condition` blocks in the order the provider reads them (a set: see `PluginSDKSetOrder`).
    private func conditions(
        _ value: Value?, at location: String, version: String
    ) throws(IAMPolicyDocumentError) -> [IAMPolicyDocument.Condition] {
        var blocks: [(test: String, variable: String, values: [String], at: String)] = []
        for (i, block) in try Self.objects(value, at: location).enumerated() {
            let at = "\(location)[\(i)]"
            guard let test = try Self.optionalString(block["test"], at: at + ".test"),
                let variable = try Self.optionalString(block["variable"], at: at + ".variable"),
                let values = try Self.strings(block["values"], at: at + ".values")
            else {
                throw IAMPolicyDocumentError(.invalidArgument, "the arguments \"test\", \"variable\" and \"values\" are required", at: at)
            }
            blocks.append((test: test, variable: variable, values: values, at: at))
        }
        let ordered = PluginSDKSetOrder.ordered(blocks) { block in
            "test:" + block.test + ";values:(" + block.values.map { $0 + ";" }.joined() + ");variable:" + block.variable + ";"
        }
        var out: [IAMPolicyDocument.Condition] = []
        for block in ordered {
            let values = try block.values.map { (v: String) throws(IAMPolicyDocumentError) -> String in
                try Self.replacingVariables(v, version: version, at: block.at + ".values")
            }
            out.append(
                IAMPolicyDocument.Condition(
                    test: block.test, variable: block.variable, values: values.count == 1 ? .one(values[0]) : .many(values)))
        }
        return out
    }

    /// A set of strings as the provider writes it, or nil when absent or empty.
    private func stringSet(
        _ value: Value?, at location: String, version: String?
    ) throws(IAMPolicyDocumentError) -> IAMPolicyDocument.Strings? {
        guard let list = try Self.strings(value, at: location), !list.isEmpty else { return nil }
        return try Self.decoded(list, at: location, version: version)
    }

    /// One element as a string, more as a list in reverse sorted order, duplicates dropped (a set); then, with a
    /// `version`, `&{` becomes `${` (after sorting, as the provider does it).
    private static func decoded(
        _ list: [String], at location: String, version: String?
    ) throws(IAMPolicyDocumentError) -> IAMPolicyDocument.Strings {
        var unique: [String] = []
        var seen: Set<String> = []
        for s in list where seen.insert(s).inserted { unique.append(s) }
        if unique.count != 1 { unique = unique.sorted(by: PolicyJSON.goLess).reversed() }
        if let version {
            unique = try unique.map { (s: String) throws(IAMPolicyDocumentError) -> String in
                try replacingVariables(s, version: version, at: location)
            }
        }
        return unique.count == 1 ? .one(unique[0]) : .many(unique)
    }

    /// The characters the provider allows in a Sid: ASCII letters and digits.
    private static func isAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a"..."z", "A"..."Z", "0"..."9": return true
        default: return false
        }
    }

    /// `&{aws:username}` → `${aws:username}`; version 2008-10-17 has no policy variables.
    private static func replacingVariables(_ s: String, version: String, at location: String) throws(IAMPolicyDocumentError) -> String {
        guard s.contains("&{") else { return s }
        guard version != "2008-10-17" else {
            throw IAMPolicyDocumentError(
                .invalidArgument, "found &{ sequence in (\(s)), which is not supported in document version 2008-10-17", at: location)
        }
        return s.replacingOccurrences(of: "&{", with: "${")
    }

    /// A collection of primitives as strings (Terraform converts numbers and booleans), nil when null or absent.
    private static func strings(_ value: Value?, at location: String) throws(IAMPolicyDocumentError) -> [String]? {
        guard let value, !value.isNull else { return nil }
        guard let items = value.elements else {
            throw IAMPolicyDocumentError(.invalidArgument, "must be a list of strings, found \(value.typeName)", at: location)
        }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard let s = try optionalString(item, at: "\(location)[\(i)]") else {
                throw IAMPolicyDocumentError(.invalidArgument, "must not contain null", at: "\(location)[\(i)]")
            }
            out.append(s)
        }
        return out
    }

    /// A primitive as Terraform converts it to a string; nil when null or absent.
    private static func optionalString(_ value: Value?, at location: String) throws(IAMPolicyDocumentError) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let s)?: return s
        case .number(let n)?: return Value.formatNumber(n)
        case .bool(let b)?: return b ? "true" : "false"
        case let other?:
            throw IAMPolicyDocumentError(.invalidArgument, "must be a string, found \(other.typeName)", at: location)
        }
    }

    /// Nested blocks (a list of objects); none when null or absent.
    private static func objects(_ value: Value?, at location: String) throws(IAMPolicyDocumentError) -> [[String: Value]] {
        guard let value, !value.isNull else { return [] }
        guard let items = value.elements else {
            throw IAMPolicyDocumentError(.invalidArgument, "must be blocks, found \(value.typeName)", at: location)
        }
        var out: [[String: Value]] = []
        for (i, item) in items.enumerated() {
            guard let members = item.members else {
                throw IAMPolicyDocumentError(.invalidArgument, "must be a block, found \(item.typeName)", at: "\(location)[\(i)]")
            }
            out.append(members)
        }
        return out
    }
}
