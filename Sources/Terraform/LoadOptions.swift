import Model

/// Caps and inputs for loading a Terraform configuration; every cap turns runaway input into a diagnostic.
public struct LoadOptions: Sendable {
    /// Largest `.tf`/`.tf.json`/tfvars/plan/state file read, in bytes.
    public var maxFileSize: Int = 8 << 20
    /// Largest plan or state JSON read, in bytes: machine-written, so larger than any hand-written file.
    /// Nil: `maxFileSize`.
    public var maxInputFileSize: Int?
    /// The plan and state limit commands use unless told otherwise (`--max-file-size`).
    public static let defaultMaxInputFileSize = 256 << 20
    /// Deepest nesting of blocks and brackets accepted by the parsers.
    public var maxDepth: Int = 128
    /// Most instances one `count` or `for_each` may expand into.
    public var maxInstances: Int = 10_000
    /// Deepest chain of nested module calls (guards against a module that calls itself).
    public var maxModuleDepth: Int = 16
    /// Most module instances one root module may expand into, over every level of nesting (a module that calls
    /// itself twice doubles them at each level).
    public var maxModuleInstances: Int = 10_000
    /// Most resource, data source and ephemeral instances one root module may expand into.
    public var maxResourceInstances: Int = 100_000
    /// Most elements all `for` expressions, `%{for}` directives and splats of one root module may produce together
    /// (nested ones multiply: three nested `for`s over 1,000 elements each are a billion).
    public var maxForElements: Int = 4_000_000
    /// When loading must stop (a reconcile cycle's timeout, or cancellation); nil: never.
    public var deadline: EvaluationDeadline?
    /// Extra tfvars files, applied after `terraform.tfvars` and `*.auto.tfvars`, in order.
    public var varFiles: [String] = []
    /// `-var name=value` overrides, applied last, in order.
    public var variableOverrides: [(name: String, value: String)] = []
    /// Environment searched for `TF_VAR_name` values.
    public var environment: [String: String] = [:]
    /// Where every configuration, tfvars, manifest, plan and state file is read from: the disk, or a snapshot
    /// in memory (a Git commit), so scanning a commit never writes a checkout.
    public var fileTree: any FileTree = DiskFileTree()
    /// The scanned trees (absolute directories): a configuration file that is a symbolic link, or a text file
    /// standing for one, is read only when its target lies inside one of them. Empty: the root module directory.
    public var treeRoots: [String] = []
    /// The directories evaluation may read (file functions, module sources, installed modules); a read outside is
    /// refused with a warning and its value is unknown. Nil: reads are not confined (a caller trusting the tree).
    public var readRoots: ReadRoots?
    /// Where each root module directory's evaluated scope is kept after loading (for re-evaluating edited blocks
    /// without loading the module again); nil: nothing is kept.
    public var scopes: ModuleScopes?

    public init() {}

    /// The limit plan and state files are read with.
    public var inputFileLimit: Int { maxInputFileSize ?? maxFileSize }
}
