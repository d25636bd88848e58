import Model

/// Computed attributes of data sources whose provider computes them from the configuration alone, without calling
/// a cloud API, so Terraform knows them at plan time: `aws_iam_policy_document` (`json`, `minified_json`).
///
/// Data sources that read the provider's credentials or settings stay unknown: `aws_caller_identity`,
/// `azurerm_client_config` (the account behind the credentials), `aws_region` (the provider's region, which may
/// come from the environment) and `aws_partition` (follows the region: `aws`, `aws-cn`, `aws-us-gov`, …).
/// See docs/architecture.md, "Data sources".
enum DataSourceRendering {
    /// Adds the computed attributes of a `type` data source to its evaluated `attributes`; a problem the provider
    /// would report becomes a warning at `range` and leaves the attributes unknown.
    static func addComputedAttributes(
        type: String, to attributes: inout [String: Value], at range: SourceRange, diagnostics: inout [Diagnostic]
    ) {
        guard type == IAMPolicyDocumentRenderer.type else { return }
        do {
            let rendered = try IAMPolicyDocumentRenderer.render(attributes)
            attributes["json"] = rendered.map { Value.string($0.json) } ?? .unknown
            attributes["minified_json"] = rendered.map { Value.string($0.minifiedJSON) } ?? .unknown
        } catch {
            attributes["json"] = .unknown
            attributes["minified_json"] = .unknown
            diagnostics.append(
                Diagnostic(
                    .evaluation, "The AWS provider would reject this aws_iam_policy_document: \(error); its json is unknown",
                    at: range, severity: .warning))
        }
    }
}
