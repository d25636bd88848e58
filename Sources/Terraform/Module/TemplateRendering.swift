import HCL
import Model

/// `templatefile` support: parse a template file's text and render it with only the given variables.
enum TemplateRendering {
    static let maxDepth = 16

    /// Renders `source`; `context` is the calling module's (base directory, limits, tree, read roots) and the
    /// template's own file reads go through it, warning into `warnings`.
    static func render(
        source: String, filename: String, variables: [String: Value], functions: FunctionTable, context: FunctionContext,
        warnings: WarningLog?, depth: Int = 0
    ) throws -> Value {
        // A template that renders itself through templatefile would otherwise recurse until the stack ends.
        guard depth < maxDepth else {
            throw FunctionError("templatefile calls are nested more than \(maxDepth) deep in \(filename)")
        }
        let (expr, diags) = HCLParser.parseTemplate(Array(source.utf8), filename: filename)
        if let first = diags.first(where: { $0.severity == .error }) {
            throw FunctionError("\(first)")
        }
        guard let expr else { return .string("") }
        var nested = context
        nested.renderTemplate = { s, f, v in
            try TemplateRendering.render(
                source: s, filename: f, variables: v, functions: functions, context: context, warnings: warnings, depth: depth + 1)
        }
        var ctx = EvalContext(variables: variables, functions: functions, functionContext: nested, warnings: warnings)
        ctx.missingFilesFail = true
        do {
            return try Evaluator.renderTemplate(expr, variables: variables, context: ctx)
        } catch {
            throw FunctionError("\(error)")
        }
    }
}
