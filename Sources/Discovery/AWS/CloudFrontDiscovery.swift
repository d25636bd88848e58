import AWS
import Model

/// CloudFront distributions and origin access controls (global, read once). The distribution list carries the cache
/// behaviours, origins, certificate, restrictions and web ACL; logging and the default root object are only in
/// each distribution's configuration, so every distribution costs one GetDistributionConfig call more.
enum CloudFrontDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region, label: "global")
        let summaries =
            (await reader.restXMLPages(
                .cloudfront, "ListDistributions", path: "/2020-05-31/distribution", token: "Marker", element: "NextMarker")
            ?? []).flatMap { $0.all("Items/DistributionSummary") }
        await reader.gather(summaries) { summary in
            await distribution(summary, client: client, account: account, region: region)
        }
        // Response headers policies (managed or the account's own) are referenced by ID: each one used becomes a data
        // source, so the behaviour's reference has something to point at without reading every policy.
        let policies = Set(
            reader.resources.flatMap { $0.edges }.filter { $0.type == "aws_cloudfront_response_headers_policy" }.map(\.id))
        for policy in policies.sorted() {
            reader.add(
                LiveResource(
                    mode: .data, type: "aws_cloudfront_response_headers_policy", id: policy, name: policy,
                    originID: reader.arn("cloudfront", "response-headers-policy/\(policy)", global: true), region: nil,
                    attributes: ["id": .string(policy)]))
        }
        let controls =
            (await reader.restXMLPages(
                .cloudfront, "ListOriginAccessControls", path: "/2020-05-31/origin-access-control", token: "Marker",
                element: "NextMarker") ?? []).flatMap { $0.all("Items/OriginAccessControlSummary") }
        for control in controls {
            guard let id = control.string("Id") else { continue }
            reader.add(
                LiveResource(
                    type: "aws_cloudfront_origin_access_control", id: id, name: control.string("Name") ?? id,
                    originID: reader.arn("cloudfront", "origin-access-control/\(id)", global: true), region: nil,
                    attributes: [
                        "id": .string(id), "name": .string(control.string("Name")),
                        "description": .string(control.string("Description") ?? ""),
                        "origin_access_control_origin_type": .string(control.string("OriginAccessControlOriginType")),
                        "signing_behavior": .string(control.string("SigningBehavior")),
                        "signing_protocol": .string(control.string("SigningProtocol")),
                    ]))
        }
        return reader
    }

    /// One distribution: the summary's settings plus logging and default root object from its configuration.
    static func distribution(_ summary: XMLNode, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region, label: "global")
        guard let id = summary.string("Id") else { return reader }
        let arn = summary.string("ARN") ?? reader.arn("cloudfront", "distribution/\(id)", global: true)
        let config = await reader.restXML(
            .cloudfront, "GetDistributionConfig", path: "/2020-05-31/distribution/\(id)/config", resource: id)
        let root = config.flatMap { $0.name == "DistributionConfig" ? $0 : $0.node("DistributionConfig") }
        // The configuration holds every setting; the list's summary most of them, read when the configuration is not.
        let settings = root ?? summary
        var attributes: [String: Value] = [
            "id": .string(id), "arn": .string(arn), "domain_name": .string(summary.string("DomainName")),
            "status": .string(summary.string("Status")), "enabled": .bool(settings.bool("Enabled")),
            "comment": .string(settings.string("Comment") ?? ""), "price_class": .string(settings.string("PriceClass")),
            "http_version": .string(settings.string("HttpVersion")), "is_ipv6_enabled": .bool(settings.bool("IsIPV6Enabled")),
            "aliases": .strings(settings.items("Aliases", "CNAME")),
            // An empty WebACLId is no web ACL: absent, as in a configuration that sets none.
            "web_acl_id": .string(nonEmpty(settings.string("WebACLId"))),
            "origin": .list(settings.all("Origins/Items/Origin").map(origin)),
            "default_cache_behavior": settings.node("DefaultCacheBehavior").map { Value.block(behavior($0)) } ?? .unknown,
            "ordered_cache_behavior": .list(settings.all("CacheBehaviors/Items/CacheBehavior").map { .object(behavior($0)) }),
            "viewer_certificate": settings.node("ViewerCertificate").map(viewerCertificate) ?? .unknown,
            "restrictions": settings.node("Restrictions/GeoRestriction").map { geo -> Value in
                .block([
                    "geo_restriction": .block([
                        "restriction_type": .string(geo.string("RestrictionType")),
                        "locations": .strings(geo.items("", "Location")),
                    ])
                ])
            } ?? .unknown,
        ]
        if let root {
            attributes["default_root_object"] = .string(nonEmpty(root.string("DefaultRootObject")))
            let logging = root.node("Logging")
            attributes["logging_config"] =
                logging?.bool("Enabled") == true
                ? .block([
                    "bucket": .string(logging?.string("Bucket")), "prefix": .string(logging?.string("Prefix") ?? ""),
                    "include_cookies": .bool(logging?.bool("IncludeCookies") ?? false),
                ]) : .list([])
        } else {
            attributes["default_root_object"] = .unknown
            attributes["logging_config"] = .unknown
        }
        var edges: [LiveResource.Edge] = []
        if let acl = nonEmpty(settings.string("WebACLId")) {
            edges.append(.init(attribute: "web_acl_id", type: "aws_wafv2_web_acl", id: acl))
        }
        if let certificate = nonEmpty(settings.string("ViewerCertificate/ACMCertificateArn")) {
            edges.append(.init(attribute: "viewer_certificate.acm_certificate_arn", type: "aws_acm_certificate", id: certificate))
        }
        let policyType = "aws_cloudfront_response_headers_policy"
        if let policy = nonEmpty(settings.string("DefaultCacheBehavior/ResponseHeadersPolicyId")) {
            edges.append(.init(attribute: "default_cache_behavior.response_headers_policy_id", type: policyType, id: policy))
        }
        for behavior in settings.all("CacheBehaviors/Items/CacheBehavior") {
            guard let policy = nonEmpty(behavior.string("ResponseHeadersPolicyId")) else { continue }
            edges.append(.init(attribute: "ordered_cache_behavior.response_headers_policy_id", type: policyType, id: policy))
        }
        for control in settings.all("Origins/Items/Origin").compactMap({ nonEmpty($0.string("OriginAccessControlId")) }) {
            edges.append(.init(attribute: "origin.origin_access_control_id", type: "aws_cloudfront_origin_access_control", id: control))
        }
        reader.add(
            LiveResource(
                type: "aws_cloudfront_distribution", id: id, name: id, originID: arn, region: nil, attributes: attributes,
                edges: edges))
        return reader
    }

    /// One origin block: S3 origins with their access identity, custom origins with protocol policy and TLS versions.
    static func origin(_ node: XMLNode) -> Value {
        var block: [String: Value] = [
            "origin_id": .string(node.string("Id")), "domain_name": .string(node.string("DomainName")),
            "origin_path": .string(node.string("OriginPath") ?? ""),
            "origin_access_control_id": .string(nonEmpty(node.string("OriginAccessControlId"))),
            "s3_origin_config": .list([]), "custom_origin_config": .list([]),
        ]
        if let s3 = node.node("S3OriginConfig") {
            block["s3_origin_config"] = .block(["origin_access_identity": .string(s3.string("OriginAccessIdentity") ?? "")])
        }
        if let custom = node.node("CustomOriginConfig") {
            block["custom_origin_config"] = .block([
                "http_port": .number(custom.number("HTTPPort")), "https_port": .number(custom.number("HTTPSPort")),
                "origin_protocol_policy": .string(custom.string("OriginProtocolPolicy")),
                "origin_ssl_protocols": .strings(custom.items("OriginSslProtocols", "SslProtocol")),
                "origin_read_timeout": .number(custom.number("OriginReadTimeout")),
                "origin_keepalive_timeout": .number(custom.number("OriginKeepaliveTimeout")),
            ])
        }
        return .object(block)
    }

    /// The members of a default or ordered cache behaviour the checks and drift compare.
    static func behavior(_ node: XMLNode) -> [String: Value] {
        var block: [String: Value] = [
            "target_origin_id": .string(node.string("TargetOriginId")),
            "viewer_protocol_policy": .string(node.string("ViewerProtocolPolicy")),
            "field_level_encryption_id": .string(node.string("FieldLevelEncryptionId") ?? ""),
            "response_headers_policy_id": .string(nonEmpty(node.string("ResponseHeadersPolicyId"))),
            "cache_policy_id": .string(nonEmpty(node.string("CachePolicyId"))),
            "compress": .bool(node.bool("Compress")),
        ]
        if let pattern = node.string("PathPattern") { block["path_pattern"] = .string(pattern) }
        return block
    }

    /// The viewer certificate block: the default certificate flag, the ACM or IAM certificate, TLS floor.
    static func viewerCertificate(_ node: XMLNode) -> Value {
        .block([
            "cloudfront_default_certificate": .bool(node.bool("CloudFrontDefaultCertificate") ?? false),
            "acm_certificate_arn": .string(nonEmpty(node.string("ACMCertificateArn"))),
            "iam_certificate_id": .string(nonEmpty(node.string("IAMCertificateId"))),
            "ssl_support_method": .string(nonEmpty(node.string("SSLSupportMethod"))),
            "minimum_protocol_version": .string(node.string("MinimumProtocolVersion")),
        ])
    }

    /// The text, or nil when empty (CloudFront sends empty strings for settings not made).
    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
