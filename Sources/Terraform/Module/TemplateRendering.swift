import HCL
import Model

/// `templatefile` support: parse a template file's text and render it with only the given variables.
enum TemplateRendering {
    static let maxDepth = 16

    static func render(
        source: String, filename: String, variables: [String: Value], functions: FunctionTable, baseDirectory: String,
        maxFileSize: Int, fileTree: any FileTree, depth: Int = 0
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
        let render: @Sendable (String, String, [String: Value]) throws -> Value = { s, f, v in
            try TemplateRendering.render(
                source: s, filename: f, variables: v, functions: functions, baseDirectory: baseDirectory,
                maxFileSize: maxFileSize, fileTree: fileTree, depth: depth + 1)
        }
        let ctx = EvalContext(
            variables: variables, functions: functions,
            functionContext: FunctionContext(
                baseDirectory: baseDirectory, maxFileSize: maxFileSize, fileTree: fileTree, renderTemplate: render))
        do {
            return try Evaluator.renderTemplate(expr, variables: variables, context: ctx)
        } catch {
            throw FunctionError("\(error)")
        }
    }
}
