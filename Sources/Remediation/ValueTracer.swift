import HCL
import Model

/// Where a value the fix must change is written: a literal to overwrite, or a module call that lacks the argument.
enum ValueSite {
    case expression(file: String, expression: Expression)
    case missingArgument(file: String, call: Block, name: String)
}

/// Follows an attribute's expression to the literal that decides it: through `local.X`, through `var.X` to a
/// root `.tfvars` or the variable's `default`, and through module inputs to the calling file. Anything it
/// cannot reason about, or a variable that other attributes also read, is a `FixProblem` (a manual fix).
struct ValueTracer {
    /// The module call index, built on first use.
    var callIndex: () -> ModuleCallIndex
    /// Chains longer than this (var → module input → var …) are left to a person.
    static let maxDepth = 8

    /// The site of `expression`, found in `file` of the module instance at `modulePath`; `attribute` names what
    /// the value is assigned to, so a variable shared with differently named attributes is refused.
    func site(
        of expression: Expression, in file: String, modulePath: [String], attribute: String,
        workspace: inout EditWorkspace, depth: Int = 0
    ) throws(FixProblem) -> ValueSite {
        if ExpressionFacts.literal(expression) != nil { return .expression(file: file, expression: expression) }
        guard depth < Self.maxDepth else {
            throw FixProblem(.unsupportedExpression, "the value passes through too many variables", at: expression.range)
        }
        guard let symbol = ExpressionFacts.symbol(expression) else {
            throw FixProblem(.unsupportedExpression, ExpressionFacts.whyNotEditable(expression), at: expression.range)
        }
        let directory = Self.directory(of: file)
        try requireExclusive("\(symbol.root).\(symbol.name)", attribute: attribute, in: directory, workspace: &workspace)
        if symbol.root == "local" {
            if let key = try workspace.lookup(in: directory, { $0.local(symbol.name) }) {
                let file = try workspace.file(key)
                for block in file.parsed.body.blocks where block.type == "locals" {
                    if let definition = block.body.attribute(symbol.name) {
                        return try site(
                            of: definition.expression, in: file.path, modulePath: modulePath, attribute: attribute,
                            workspace: &workspace, depth: depth + 1)
                    }
                }
            }
            throw FixProblem(.notFound, "local.\(symbol.name) is not defined in \(directory)", at: expression.range)
        }
        if let call = modulePath.last {
            return try throughModuleInput(
                symbol.name, call: call, modulePath: modulePath, directory: directory,
                workspace: &workspace, depth: depth)
        }
        // Root module: terraform.tfvars < *.auto.tfvars (lexical, later wins) < the variable's default only if unset.
        if let path = workspace.jsonVariableFile(mentioning: symbol.name, in: directory) {
            throw FixProblem(.unsupportedExpression, "var.\(symbol.name) is set in \(path) (JSON); edit it by hand")
        }
        if let found = try workspace.tfvarsAssignment(of: symbol.name, in: directory),
            let assignment = found.file.parsed.body.attribute(symbol.name)
        {
            guard ExpressionFacts.literal(assignment.expression) != nil else {
                throw FixProblem(
                    .unsupportedExpression, "var.\(symbol.name) is set to a non-literal in \(found.path)",
                    at: assignment.expression.range)
            }
            return .expression(file: found.file.path, expression: assignment.expression)
        }
        let variable = try declaration(of: symbol.name, in: directory, workspace: &workspace)
        guard let fallback = variable.block.body.attribute("default") else {
            throw FixProblem(
                .outsideRepository,
                "var.\(symbol.name) has no default and no .tfvars value in the repository; it is set outside (-var, TF_VAR_\(symbol.name))",
                at: variable.block.range)
        }
        guard ExpressionFacts.literal(fallback.expression) != nil else {
            throw FixProblem(.unsupportedExpression, "the default of var.\(symbol.name) is not a literal", at: fallback.expression.range)
        }
        return .expression(file: variable.file, expression: fallback.expression)
    }

    /// A child module's variable: the argument of the one call that instantiates it, or that call, to add it to.
    private func throughModuleInput(
        _ name: String, call: String, modulePath: [String], directory: String,
        workspace: inout EditWorkspace, depth: Int
    ) throws(FixProblem) -> ValueSite {
        _ = try declaration(of: name, in: directory, workspace: &workspace)
        let calls = callIndex().calls(to: directory, named: call)
        guard calls.count == 1, let found = calls.first else {
            throw FixProblem(
                calls.isEmpty ? .outsideRepository : .unsupportedExpression,
                calls.isEmpty
                    ? "var.\(name) comes from module \"\(call)\", whose call is not in the repository"
                    : "module \"\(call)\" is called from \(calls.count) places; fix var.\(name) by hand")
        }
        let callers = try workspace.parts(of: found.file).lazy.compactMap { file in
            file.parsed.body.blocks.first(where: { $0.type == "module" && $0.labels == [call] }).map { (file, $0) }
        }
        guard let match = callers.first else {
            throw FixProblem(.notFound, "module \"\(call)\" is no longer in \(found.file)")
        }
        let (caller, block) = match
        guard let argument = block.body.attribute(name) else {
            return .missingArgument(file: caller.path, call: block, name: name)
        }
        return try site(
            of: argument.expression, in: caller.path, modulePath: Array(modulePath.dropLast()), attribute: name,
            workspace: &workspace, depth: depth + 1)
    }

    private func declaration(
        of name: String, in directory: String, workspace: inout EditWorkspace
    )
        throws(FixProblem) -> (file: String, block: Block)
    {
        if let key = try workspace.lookup(in: directory, { $0.variable(name) }) {
            let file = try workspace.file(key)
            if let block = file.parsed.body.blocks.first(where: { $0.type == "variable" && $0.labels == [name] }) {
                return (file.path, block)
            }
        }
        throw FixProblem(.notFound, "variable \"\(name)\" is not declared in \(directory)")
    }

    /// Refuses a variable or local that an attribute with another name also reads (changing it would change that).
    private func requireExclusive(
        _ symbol: String, attribute: String, in directory: String,
        workspace: inout EditWorkspace
    ) throws(FixProblem) {
        if let other = try workspace.lookup(in: directory, { $0.otherReader(of: symbol, besides: attribute) }) {
            throw FixProblem(
                .sharedValue, "\(symbol) is also used by \(other.name); changing it would change that too",
                at: other.range)
        }
    }

    /// The directory of a file path.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
