import Model

/// Renders `aws_iam_policy_document`'s `json` and `minified_json` as the AWS provider does when Terraform plans:
/// the provider computes the document locally from the block's arguments, so it is known at plan time whenever
/// every argument is.
///
/// Merge order (the provider's): `source_json` (deprecated), then `source_policy_documents` in order (their Sids
/// must be unique), then the block's own statements (Sids unique too), then `override_policy_documents` in order,
/// then `override_json` (deprecated); a statement whose Sid is already present replaces it in place, others are
/// appended. `source_json`/`override_json` merge as provider v4 merges them (v5 accepts only empty strings there).
///
/// `principals` and `condition` blocks are sets, read in the plugin SDK's hash order (`PluginSDKSetOrder`); that
/// order shows when one principal type, or one condition test and key, is given in more than one block.
enum IAMPolicyDocumentRenderer {
    /// The type this renderer handles.
    static let type = "aws_iam_policy_document"

    /// The rendered document: indented (`json`) and minified (`minified_json`).
    struct Rendered: Sendable, Equatable {
        var json: String
        var minifiedJSON: String
    }

    /// The document, or nil when an argument is known only after apply (Terraform then reads the data source
    /// during apply, so `json` is unknown in the plan).
    static func render(_ arguments: [String: Value]) throws(IAMPolicyDocumentError) -> Rendered? {
        guard Value.object(arguments).isWhollyKnown else { return nil }
        let config = IAMPolicyDocumentArguments(arguments: arguments)
        var merged = IAMPolicyDocument()
        var sids: Set<String> = []
        if let text = try config.deprecatedDocument("source_json") {
            merged = try IAMPolicyDocumentDecoder.decode(text, at: "source_json")
            sids.formUnion(merged.statements.map(\.sid).filter { !$0.isEmpty })
        }
        for (text, location) in try config.documents("source_policy_documents") {
            let source = try IAMPolicyDocumentDecoder.decode(text, at: location)
            for (i, statement) in source.statements.enumerated() where !statement.sid.isEmpty {
                guard sids.insert(statement.sid).inserted else {
                    throw IAMPolicyDocumentError(
                        .duplicateSid,
                        "duplicate Sid (\(statement.sid)) in source_policy_documents (statement \(i)); remove the Sid or make Sids unique",
                        at: location)
                }
            }
            merged.merge(source)
        }
        merged.merge(try config.document())
        for (text, location) in try config.documents("override_policy_documents") {
            merged.merge(try IAMPolicyDocumentDecoder.decode(text, at: location))
        }
        if let text = try config.deprecatedDocument("override_json") {
            merged.merge(try IAMPolicyDocumentDecoder.decode(text, at: "override_json"))
        }
        let json = merged.json
        return Rendered(json: json.indented, minifiedJSON: json.compact)
    }
}
