import Checks
import Model
import Terraform

/// What the planner needs besides the findings: parameters of the target, where to look for module calls, and
/// how to load modules when verifying.
public struct FixContext: Sendable {
    /// The CIDR administrative ports may stay open to; without it SSH/RDP fixes are manual.
    public var adminCIDR: String?
    /// Directories (paths in the tree) searched for the module calls that feed a module's variables;
    /// empty: the tree's working directory.
    public var searchRoots: [String]
    /// Re-load and re-check every fixed resource on the edited tree, dropping fixes that do not fix (default true).
    public var verify: Bool
    /// Options for loading modules during verification (the file tree is replaced by the edited tree).
    public var loadOptions: LoadOptions
    /// The root modules as the scan evaluated them (with the tree unedited and these load options): a fix that only
    /// changed resource blocks nothing else reads is verified by evaluating those blocks again in them, not by
    /// loading the module again. Nil: every verification loads its root module.
    public var scopes: ModuleScopes?

    /// Defaults: no admin CIDR, the working directory as search root, verification on.
    public init(
        adminCIDR: String? = nil, searchRoots: [String] = [], verify: Bool = true, loadOptions: LoadOptions = LoadOptions(),
        scopes: ModuleScopes? = nil
    ) {
        self.adminCIDR = adminCIDR
        self.searchRoots = searchRoots
        self.verify = verify
        self.loadOptions = loadOptions
        self.scopes = scopes
    }

    /// The values fix parameters (`param:` in check files) take.
    var parameters: [String: String] {
        var out: [String: String] = [:]
        if let adminCIDR { out[FixParameters.adminCIDR] = adminCIDR }
        return out
    }
}

/// A failed result to fix, with the root module directory it was scanned from (for module inputs and verification).
public struct FixTarget: Sendable {
    /// The failed result; `range.file` is a path in the tree (absolute, or relative to its working directory).
    public var result: CheckResult
    /// The root module directory the result's resource was loaded from; nil: inferred from the file and module calls.
    public var rootDirectory: String?

    /// Memberwise.
    public init(result: CheckResult, rootDirectory: String? = nil) {
        self.result = result
        self.rootDirectory = rootDirectory
    }
}
