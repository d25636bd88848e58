import Model

/// Revokes security group ingress open to the internet on an admin port, rule by rule, and — when the target names
/// an admin CIDR — first authorizes that CIDR on the same protocol and ports, so administrators keep access.
/// Every call carries its undo (revoke ↔ authorize of the same permission).
enum SecurityGroupIngressFix {
    static let openCIDRs: Set<String> = ["0.0.0.0/0", "::/0"]

    static func calls(_ c: LiveFixContext, port: Int) throws(LiveRemediationError) -> [LiveAPICall] {
        guard let group = c.string("id"), group.hasPrefix("sg-") else {
            throw LiveRemediationError(
                .unsupportedResource, "security group has no ID", checkID: c.checkID,
                resource: c.resource.address)
        }
        if let admin = c.adminCIDR, !admin.isEmpty, !isRestrictedCIDR(admin) {
            throw LiveRemediationError(
                .unsupportedResource, "admin CIDR \(admin) is not a CIDR narrower than /0",
                checkID: c.checkID, resource: c.resource.address)
        }
        var calls: [LiveAPICall] = []
        for rule in c.resource.attributes["ingress"]?.elements ?? [] {
            guard let r = rule.members else { continue }
            let proto = r["protocol"]?.stringValue ?? "-1"
            let from = Int(r["from_port"]?.numberValue ?? 0)
            let to = Int(r["to_port"]?.numberValue ?? 0)
            let allTraffic = proto == "-1" || proto == "all"
            guard allTraffic || (from <= port && port <= to) else { continue }
            let v4 = (r["cidr_blocks"]?.elements ?? []).compactMap(\.stringValue).filter(openCIDRs.contains)
            let v6 = (r["ipv6_cidr_blocks"]?.elements ?? []).compactMap(\.stringValue).filter(openCIDRs.contains)
            guard !v4.isEmpty || !v6.isEmpty else { continue }
            var permission = ["GroupId": group, "IpPermissions.1.IpProtocol": allTraffic ? "-1" : proto]
            if !allTraffic {
                permission["IpPermissions.1.FromPort"] = String(from)
                permission["IpPermissions.1.ToPort"] = String(to)
            }
            var revoke = permission
            for (index, cidr) in v4.enumerated() { revoke["IpPermissions.1.IpRanges.\(index + 1).CidrIp"] = cidr }
            for (index, cidr) in v6.enumerated() { revoke["IpPermissions.1.Ipv6Ranges.\(index + 1).CidrIpv6"] = cidr }
            // Undoing the revoke authorizes the same ranges again, with the rule's description when it had one.
            var reopen = revoke
            if let description = r["description"]?.stringValue, !description.isEmpty {
                for index in v4.indices { reopen["IpPermissions.1.IpRanges.\(index + 1).Description"] = description }
                for index in v6.indices { reopen["IpPermissions.1.Ipv6Ranges.\(index + 1).Description"] = description }
            }
            let existing = Set(
                ((r["cidr_blocks"]?.elements ?? []) + (r["ipv6_cidr_blocks"]?.elements ?? []))
                    .compactMap(\.stringValue))
            // The admin CIDR is authorized before the world rule is revoked: if the revoke then fails, admins were
            // never locked out, and the rollback only has to take the new admin rule away again.
            if let admin = c.adminCIDR, !admin.isEmpty, !existing.contains(admin) {
                var authorize = permission
                let range = admin.contains(":") ? "IpPermissions.1.Ipv6Ranges.1" : "IpPermissions.1.IpRanges.1"
                authorize["\(range).\(admin.contains(":") ? "CidrIpv6" : "CidrIp")"] = admin
                let withdraw = authorize
                authorize["\(range).Description"] = "bulwark: admin access"
                calls.append(
                    ec2(c, "AuthorizeSecurityGroupIngress", authorize)
                        .undone(by: ec2(c, "RevokeSecurityGroupIngress", withdraw)))
            }
            calls.append(
                ec2(c, "RevokeSecurityGroupIngress", revoke)
                    .undone(by: ec2(c, "AuthorizeSecurityGroupIngress", reopen)))
        }
        return calls
    }

    static func ec2(_ c: LiveFixContext, _ action: String, _ parameters: [String: String]) -> LiveAPICall {
        LiveAPICall(wire: .awsQuery, service: "ec2", region: c.origin.region, action: action, parameters: parameters)
    }

    /// Whether `text` is an IPv4 or IPv6 CIDR with a prefix of at least 1: a /0 "admin" range would re-open the port.
    static func isRestrictedCIDR(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let prefix = Int(parts[1]), prefix >= 1 else { return false }
        if parts[0].contains(":") {
            return prefix <= 128 && parts[0].allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        return prefix <= 32 && octets.count == 4 && octets.allSatisfy { UInt8($0) != nil }
    }
}
