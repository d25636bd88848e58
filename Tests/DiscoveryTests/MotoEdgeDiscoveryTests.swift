import AWS
import Checks
import CloudHTTP
import Discovery
import Foundation
import Model
import Scanner
import TestSupport
import Testing

/// CloudFront, API Gateway (REST and HTTP), WAFv2, ACM and Route 53 read from moto, seeded with a hardened and a
/// misconfigured instance of each, then the unchanged check library on what was read.
@Suite("AWS edge discovery against moto", .serialized)
struct MotoEdgeDiscoveryTests {
    static let services: Set<AWSDiscovery.Service> = [.cloudfront, .apigateway, .apigatewayv2, .wafv2, .acm, .route53, .elbv2, .logs]

    /// A started moto with the edge seed (the guarded load balancer is protected by the logged web ACL), the seeded
    /// IDs, and a proxy in front that refuses whatever `deny` names.
    struct Fixture {
        let moto: MotoServer
        let proxy: ForwardingProxy
        let ids: [String: String]

        func id(_ key: String) -> String { ids[key] ?? "<missing \(key)>" }
        func stop() {
            proxy.stop()
            moto.stop()
        }
    }

    static func start(deny: @escaping @Sendable (ReceivedRequest) -> Bool = { _ in false }) throws -> Fixture {
        let moto = try MotoServer()
        guard let script = Bundle.module.url(forResource: "seed_moto_edge", withExtension: "py", subdirectory: "Fixtures")
        else { throw TestServerError("seed_moto_edge.py missing from the test bundle") }
        let output = try moto.runPython(script: script.path)
        let ids = try JSONDecoder().decode(
            [String: String].self, from: Data((output.split(separator: "\n").last.map(String.init) ?? "").utf8))
        let proxy = try ForwardingProxy(upstream: try #require(URL(string: moto.endpoint))) { request in
            deny(request) ? denied(request) : nil
        }
        return Fixture(moto: moto, proxy: proxy, ids: ids)
    }

    /// AWS's access-denied answer in the protocol of the request: JSON for json-protocol calls, XML otherwise.
    static func denied(_ request: ReceivedRequest) -> CannedResponse {
        if request.header("X-Amz-Target") != nil {
            return CannedResponse(
                status: 400, headers: [("Content-Type", "application/x-amz-json-1.1")],
                text: #"{"__type":"AccessDeniedException","message":"not allowed"}"#)
        }
        return CannedResponse(
            status: 403, headers: [("Content-Type", "text/xml")],
            text: "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not allowed</Message></Error></ErrorResponse>"
        )
    }

    static func discover(_ fixture: Fixture) async throws -> DiscoveryResult {
        var environment = fixture.moto.environment()
        environment["AWS_ENDPOINT_URL"] = fixture.proxy.baseURL.absoluteString
        return try await AWSDiscovery(client: PartialReadTests.client(environment), services: services).run()
    }

    static func find(_ result: DiscoveryResult, _ type: String, _ id: String) -> Resource? {
        result.resources.first { r in
            guard r.type == type, case .live(let live) = r.origin else { return false }
            return live.id == id || r.attributes["id"]?.stringValue == id || r.name == id
        }
    }

    /// The verdict of the check in `checks/aws/<file>.yaml` on `resource`.
    static func verdict(_ result: DiscoveryResult, _ file: String, _ resource: Resource?) throws -> Verdict? {
        let check = try CheckLibrary.loadCheck(file: "\(MotoDiscoveryTests.checksDirectory)/aws/\(file).yaml").get().id
        guard let resource else { return nil }
        return PartialReadTests.checks.evaluate(graph: ResourceGraph(result.resources)).first {
            $0.check.id == check && $0.resourceAddress == resource.address
        }?.verdict
    }

    @Test func readsTheEdgeServicesInTerraformsVocabularyAndTheChecksFireOnTheMisconfiguredOnes() async throws {
        let fixture = try Self.start()
        defer { fixture.stop() }
        let result = try await Self.discover(fixture)
        #expect(result.errors.isEmpty, "\(result.errors.map { "\($0.service) \($0.operation): \($0.message)" })")
        func find(_ type: String, _ key: String) -> Resource? { Self.find(result, type, key) }
        func id(_ key: String) -> String { fixture.id(key) }

        let seeded: Set<String> = [
            "aws_cloudfront_distribution", "aws_api_gateway_rest_api", "aws_api_gateway_stage",
            "aws_api_gateway_method_settings", "aws_api_gateway_method", "aws_apigatewayv2_api", "aws_apigatewayv2_stage",
            "aws_apigatewayv2_route", "aws_wafv2_web_acl", "aws_wafv2_web_acl_logging_configuration",
            "aws_wafv2_web_acl_association", "aws_acm_certificate", "aws_route53_zone", "aws_route53_query_log",
        ]
        #expect(seeded.subtracting(result.resources.map(\.type)).isEmpty, "\(seeded.subtracting(result.resources.map(\.type)))")
        #expect(seeded.isSubset(of: AWSDiscovery.supportedTypes))
        #expect(Set(result.resources.map(\.address)).count == result.resources.count)

        // CloudFront: the list's settings and the configuration's logging and root object.
        let hardened = try #require(find("aws_cloudfront_distribution", id("dist_hardened")))
        let plain = try #require(find("aws_cloudfront_distribution", id("dist_plain")))
        #expect(hardened.attributes["web_acl_id"] == .string(id("acl_cdn")))
        #expect((plain.attributes["web_acl_id"] ?? .null) == .null)
        #expect(hardened.attributes["default_root_object"] == .string("index.html"))
        #expect(hardened.attributes["logging_config"]?.elements?.first?.members?["bucket"] == .string("cdn-logs.s3.amazonaws.com"))
        #expect(plain.attributes["logging_config"] == .list([]))
        let behavior = plain.attributes["default_cache_behavior"]?.elements?.first?.members
        #expect(behavior?["viewer_protocol_policy"] == .string("allow-all"))
        let origin = plain.attributes["origin"]?.elements?.first?.members?["custom_origin_config"]?.elements?.first?.members
        #expect(origin?["origin_ssl_protocols"] == .list([.string("SSLv3"), .string("TLSv1")]))
        let certificate = hardened.attributes["viewer_certificate"]?.elements?.first?.members
        #expect(certificate?["minimum_protocol_version"] == .string("TLSv1.2_2021"))
        #expect(certificate?["acm_certificate_arn"] == .string(id("cert_logged")))
        #expect(hardened.references.contains { $0.attribute == "web_acl_id" })
        #expect(hardened.references.contains { $0.attribute == "viewer_certificate.acm_certificate_arn" })

        // ACM, WAFv2, Route 53.
        let hidden = try #require(find("aws_acm_certificate", id("cert_hidden")))
        #expect(hidden.attributes["domain_name"] == .string("hidden.example.com"))
        #expect(
            hidden.attributes["options"]?.elements?.first?.members?["certificate_transparency_logging_preference"] == .string("DISABLED"))
        #expect(hidden.attributes["key_algorithm"] == .string("RSA_2048"))
        #expect(hidden.attributes["not_after"]?.stringValue?.hasSuffix("Z") == true)
        let logged = try #require(find("aws_wafv2_web_acl", id("acl_logged")))
        let rule = logged.attributes["rule"]?.elements?.first?.members
        #expect(rule?["name"] == .string("common"))
        let statement = rule?["statement"]?.elements?.first?.members?["managed_rule_group_statement"]?.elements?.first?.members
        #expect(statement?["name"] == .string("AWSManagedRulesCommonRuleSet"))
        #expect(logged.attributes["default_action"]?.elements?.first?.members?["allow"] != nil)
        let cdnACL = try #require(find("aws_wafv2_web_acl", id("acl_cdn")))
        #expect(cdnACL.attributes["scope"] == .string("CLOUDFRONT"))
        let association = try #require(result.resources.first { $0.type == "aws_wafv2_web_acl_association" })
        #expect(association.attributes["resource_arn"] == .string(id("lb_guarded")))
        let loggedZone = try #require(find("aws_route53_zone", id("zone_logged")))
        #expect(loggedZone.attributes["name"] == .string("logged.example.com"))
        let privateZone = try #require(find("aws_route53_zone", id("zone_private")))
        #expect(privateZone.attributes["vpc"]?.elements?.first?.members?["vpc_id"] == .string(id("vpc")))
        let queryLog = try #require(find("aws_route53_query_log", id("query_log")))
        #expect(queryLog.references.contains { $0.target == loggedZone.address })

        // API Gateway: stages with their method settings and log groups, methods and routes.
        let plainStage = try #require(find("aws_api_gateway_stage", "ags-\(id("rest_api"))-plain"))
        let hardenedStage = try #require(find("aws_api_gateway_stage", "ags-\(id("rest_api"))-hardened"))
        #expect(plainStage.attributes["xray_tracing_enabled"] == .bool(false))
        #expect(plainStage.attributes["access_log_settings"] == .list([]))
        #expect(hardenedStage.references.contains { $0.attribute == "access_log_settings.destination_arn" })
        let plainSettings = try #require(find("aws_api_gateway_method_settings", "\(id("rest_api"))-plain-*/*"))
        #expect(plainSettings.attributes["settings"]?.elements?.first?.members?["data_trace_enabled"] == .bool(true))
        let hardenedSettings = find("aws_api_gateway_method_settings", "\(id("rest_api"))-hardened-*/*")
        let method = { (verb: String) in find("aws_api_gateway_method", "agm-\(id("rest_api"))-\(id("resource_orders"))-\(verb)") }
        #expect(method("GET")?.attributes["authorization"] == .string("NONE"))
        let httpPlain = try #require(find("aws_apigatewayv2_stage", "\(id("http_api"))_plain"))
        let httpLogged = find("aws_apigatewayv2_stage", "\(id("http_api"))_logged")
        #expect(httpLogged?.attributes["default_route_settings"]?.elements?.first?.members?["logging_level"] == .string("INFO"))
        #expect(find("aws_apigatewayv2_route", id("route_jwt"))?.attributes["authorization_type"] == .string("JWT"))

        let failing: [(String, Resource?)] = [
            ("cloudfront_viewer_https", plain), ("cloudfront_tls12", plain), ("cloudfront_access_logging", plain),
            ("cloudfront_waf", plain), ("cloudfront_default_root_object", plain), ("cloudfront_origin_no_sslv3", plain),
            ("cloudfront_response_headers_policy", plain), ("cloudfront_custom_certificate", plain),
            ("acm_transparency_logging", hidden),
            ("wafv2_logging", find("aws_wafv2_web_acl", id("acl_silent"))), ("wafv2_logging", cdnACL),
            ("lb_waf", find("aws_lb", id("lb_open"))),
            ("route53_query_logging", find("aws_route53_zone", id("zone_plain"))),
            ("route53_dnssec", find("aws_route53_zone", id("zone_plain"))),
            ("apigateway_stage_xray", plainStage), ("apigw_access_logging", plainStage), ("apigw_access_logging", httpPlain),
            ("apigateway_data_trace", plainSettings), ("apigateway_cache_encrypted", plainSettings),
            ("apigateway_method_authorization", method("GET")),
            ("apigatewayv2_route_authorization", find("aws_apigatewayv2_route", id("route_open"))),
        ]
        for (check, resource) in failing {
            #expect(try Self.verdict(result, check, resource) == .failed, "\(check) on \(resource?.address ?? "<not read>")")
        }
        let passing: [(String, Resource?)] = [
            ("cloudfront_viewer_https", hardened), ("cloudfront_tls12", hardened), ("cloudfront_access_logging", hardened),
            ("cloudfront_waf", hardened), ("cloudfront_default_root_object", hardened),
            ("cloudfront_origin_no_sslv3", hardened), ("cloudfront_response_headers_policy", hardened),
            ("cloudfront_custom_certificate", hardened),
            ("acm_transparency_logging", find("aws_acm_certificate", id("cert_logged"))),
            ("wafv2_logging", logged), ("lb_waf", find("aws_lb", id("lb_guarded"))),
            ("route53_query_logging", loggedZone), ("route53_query_logging", privateZone), ("route53_dnssec", privateZone),
            ("apigateway_stage_xray", hardenedStage), ("apigw_access_logging", hardenedStage),
            ("apigw_access_logging", httpLogged), ("apigateway_data_trace", hardenedSettings),
            ("apigateway_cache_encrypted", hardenedSettings), ("apigateway_method_authorization", method("POST")),
            ("apigateway_method_authorization", method("OPTIONS")),
            ("apigatewayv2_route_authorization", find("aws_apigatewayv2_route", id("route_jwt"))),
        ]
        for (check, resource) in passing {
            #expect(try Self.verdict(result, check, resource) == .passed, "\(check) on \(resource?.address ?? "<not read>")")
        }
    }

    @Test func deniedReadsLeaveTheirSettingsUnknownSoTheChecksOverThemAreUnknown() async throws {
        let deniedTargets: Set<String> = [
            "AWSWAF_20190729.ListLoggingConfigurations", "AWSWAF_20190729.GetWebACLForResource",
            "CertificateManager.DescribeCertificate",
        ]
        let fixture = try Self.start { request in
            if let target = request.header("X-Amz-Target") { return deniedTargets.contains(target) }
            let path = request.path
            return (path.hasPrefix("/2020-05-31/distribution/") && path.hasSuffix("/config"))
                || path.hasSuffix("/queryloggingconfig") || path.hasSuffix("/dnssec")
        }
        defer { fixture.stop() }
        let result = try await Self.discover(fixture)
        func find(_ type: String, _ key: String) -> Resource? { Self.find(result, type, key) }
        func id(_ key: String) -> String { fixture.id(key) }
        #expect(result.isPartial)
        for operation in [
            "ListLoggingConfigurations", "GetWebACLForResource", "DescribeCertificate", "GetDistributionConfig",
            "ListQueryLoggingConfigs", "GetDNSSEC",
        ] {
            #expect(result.errors.contains { $0.operation == operation && $0.code == .accessDenied }, "\(operation)")
        }

        let plain = try #require(find("aws_cloudfront_distribution", id("dist_plain")))
        #expect(plain.attributes["logging_config"] == .unknown)
        #expect(plain.attributes["default_root_object"] == .unknown)
        let hidden = try #require(find("aws_acm_certificate", id("cert_hidden")))
        #expect(hidden.attributes["options"] == .unknown)
        #expect(hidden.attributes["domain_name"] == .string("hidden.example.com"))
        let silent = try #require(find("aws_wafv2_web_acl", id("acl_silent")))
        #expect(silent.attributes["logging_configuration_unread"] == .unknown)
        let plainZone = try #require(find("aws_route53_zone", id("zone_plain")))
        #expect(plainZone.attributes["query_logging_unread"] == .unknown)
        #expect(plainZone.attributes["dnssec_unread"] == .unknown)
        let open = try #require(find("aws_lb", id("lb_open")))
        #expect(open.attributes["web_acl_unread"] == .unknown)

        let unknown: [(String, Resource?)] = [
            ("cloudfront_access_logging", plain), ("cloudfront_default_root_object", plain),
            ("acm_transparency_logging", hidden), ("wafv2_logging", silent), ("lb_waf", open),
            ("route53_query_logging", plainZone), ("route53_dnssec", plainZone),
        ]
        for (check, resource) in unknown {
            let verdict = try Self.verdict(result, check, resource)
            #expect(verdict?.kind == .unknown, "\(check) on \(resource?.address ?? "<not read>"): \(String(describing: verdict))")
        }
        // What the lists answered is still judged.
        #expect(try Self.verdict(result, "cloudfront_viewer_https", plain) != .passed)
        #expect(try Self.verdict(result, "route53_query_logging", find("aws_route53_zone", id("zone_private"))) == .passed)
    }

    @Test func withoutWAFv2SelectedALoadBalancersWebACLIsUnknown() async throws {
        let fixture = try Self.start()
        defer { fixture.stop() }
        var environment = fixture.moto.environment()
        environment["AWS_ENDPOINT_URL"] = fixture.proxy.baseURL.absoluteString
        let result = try await AWSDiscovery(client: PartialReadTests.client(environment), services: [.elbv2]).run()
        let open = try #require(Self.find(result, "aws_lb", fixture.id("lb_open")))
        #expect(open.attributes["web_acl_unread"] == .unknown)
        #expect(try Self.verdict(result, "lb_waf", open)?.kind == .unknown)
    }
}
