import Model

/// Marks each application load balancer with whether its WAFv2 web ACL could be known. An association is only seen
/// from the web ACL's side (ListResourcesForWebACL), so a load balancer with no association read is unprotected only
/// when WAFv2 was read in its region without error; otherwise `web_acl_unread` is unknown and the WAF check says
/// UNKNOWN rather than FAILED.
enum WebACLLinks {
    /// The WAFv2 calls whose failure leaves a load balancer's association unknown.
    static let operations: Set<String> = ["ListWebACLs", "ListResourcesForWebACL"]

    /// Sets `web_acl_unread` on every application load balancer in `live`; `read` says whether WAFv2 was selected.
    static func mark(_ live: inout [LiveResource], errors: [DiscoveryError], read: Bool) {
        let failed = Set(errors.filter { $0.service == "wafv2" && operations.contains($0.operation) }.map(\.region))
        for index in live.indices where live[index].type == "aws_lb" {
            guard live[index].attributes["load_balancer_type"]?.stringValue == "application" else { continue }
            let known = read && !failed.contains(live[index].region ?? "")
            live[index].attributes["web_acl_unread"] = known ? .bool(false) : .unknown
        }
    }
}
