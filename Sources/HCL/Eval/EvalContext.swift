import Model

/// Everything an expression can see: root names, functions, and evaluation limits.
public struct EvalContext: Sendable {
    /// Root names (`var`, `local`, `each`, `count`, `path`, `module`, resource types, `data`, for-expression variables …).
    public var variables: [String: Value]
    public var functions: FunctionTable
    public var functionContext: FunctionContext
    /// When true, reading an attribute an object lacks yields `unknown` instead of an error. Terraform
    /// configurations read provider-computed attributes (`aws_s3_bucket.b.arn`) that exist only after apply.
    public var missingAttributesAreUnknown: Bool
    /// Most elements a single `for` expression or `%{for}` directive may produce.
    public var maxForIterations: Int

    public init(
        variables: [String: Value] = [:], functions: FunctionTable = .standard,
        functionContext: FunctionContext = FunctionContext(), missingAttributesAreUnknown: Bool = false,
        maxForIterations: Int = 1_000_000
    ) {
        self.variables = variables
        self.functions = functions
        self.functionContext = functionContext
        self.missingAttributesAreUnknown = missingAttributesAreUnknown
        self.maxForIterations = maxForIterations
    }

    /// A copy with extra root names bound (for-expression and template-for variables).
    public func binding(_ extra: [String: Value]) -> EvalContext {
        var copy = self
        for (k, v) in extra { copy.variables[k] = v }
        return copy
    }
}
