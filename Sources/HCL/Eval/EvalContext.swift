import Model

/// Everything an expression can see: root names, functions, and evaluation limits.
public struct EvalContext: Sendable {
    /// Root names (`var`, `local`, `each`, `count`, `path`, `module`, resource types, `data`, for-expression variables …).
    public var variables: [String: Value]
    public var functions: FunctionTable
    public var functionContext: FunctionContext
    /// Objects whose missing attributes read as `unknown` (provider-computed resource attributes such as
    /// `aws_s3_bucket.b.arn`); every other object's missing attribute is an error, which `try` and `can` catch.
    public var openObjects: OpenObjects?
    /// Where a file function's missing file is reported as a warning while its value becomes unknown (the file
    /// may be a build artifact); nil makes it an error, as inside `try` and `can`, which Terraform decides at plan.
    public var warnings: WarningLog?
    /// A missing file is an error even with `warnings` set (inside `try` and `can`, which Terraform decides at
    /// plan, and in templates), while a file left unread on purpose is still unknown and still warned about.
    public var missingFilesFail = false
    /// Most elements a single `for` expression or `%{for}` directive may produce.
    public var maxForIterations: Int
    /// When evaluation must stop (a reconcile cycle's timeout, or cancellation); nil: never. Checked by every
    /// iteration of `for` expressions, `%{for}` directives and splats, and by every function call.
    public var deadline: EvaluationDeadline?
    /// The elements every `for` expression, `%{for}` directive and splat of one load may produce together; nil: no
    /// total beyond `maxForIterations` per expression.
    public var iterations: IterationBudget?

    public init(
        variables: [String: Value] = [:], functions: FunctionTable = .standard,
        functionContext: FunctionContext = FunctionContext(), openObjects: OpenObjects? = nil,
        warnings: WarningLog? = nil, maxForIterations: Int = 1_000_000, deadline: EvaluationDeadline? = nil
    ) {
        self.variables = variables
        self.functions = functions
        self.functionContext = functionContext
        self.openObjects = openObjects
        self.warnings = warnings
        self.maxForIterations = maxForIterations
        self.deadline = deadline
    }

    /// A copy with extra root names bound (for-expression and template-for variables).
    public func binding(_ extra: [String: Value]) -> EvalContext {
        var copy = self
        for (k, v) in extra { copy.variables[k] = v }
        return copy
    }
}
