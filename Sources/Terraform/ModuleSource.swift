/// Terraform's classification of a module call's `source`.
public enum ModuleSource {
    /// `./x`, `../x`, `.` or `..`: a directory loaded from disk, relative to the calling module. Anything else is
    /// installed by `terraform init` (registry, git, http, …).
    public static func isLocal(_ source: String) -> Bool {
        source.hasPrefix("./") || source.hasPrefix("../") || source == "." || source == ".."
    }
}
