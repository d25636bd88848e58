/// Principals of the same role: IAM users or roles under the same path (`user/developers/alice` and
/// `user/developers/bob`). An action first seen for one principal but used by its peers is ordinary for the role
/// (a developer trying a service the team uses), so it is weighed apart from an action nobody in the role uses.
public enum PeerGroup {
    /// The group of `principal` (`<account>:user/developers/`), or nil when it has none: IAM names without a path,
    /// root, roles at the top level, Azure callers.
    public static func key(_ principal: String) -> String? {
        // arn:aws:iam::<account>:<user|role>/<path…>/<name>
        let parts = principal.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "iam" else { return nil }
        let resource = parts[5]
        guard resource.hasPrefix("user/") || resource.hasPrefix("role/"),
            let lastSlash = resource.lastIndex(of: "/"), resource[..<lastSlash].contains("/")
        else { return nil }
        return "\(parts[4]):\(resource[...lastSlash])"
    }
}
