import AWS
import Model

/// API Gateway REST APIs in one region with their stages, per-stage method settings and methods. Each API costs one
/// GetStages (stages carry their method settings and web ACL) and one GetResources with the methods embedded, in
/// pages of 500 resources: two calls per API for all but the largest.
enum APIGatewayDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let apis =
            (await reader.restJSONPages(
                .apigateway, "GetRestApis", path: "/restapis", query: [("limit", "500")], token: "position", field: "position",
                resource: nil) ?? []).flatMap { $0[member: "item"].elements ?? [] }
        for api in apis {
            guard let id = api[member: "id"].stringValue else { continue }
            let configuration = api[member: "endpointConfiguration"]
            reader.add(
                LiveResource(
                    type: "aws_api_gateway_rest_api", id: id, name: api[member: "name"].stringValue ?? id,
                    originID: arn(region, "/restapis/\(id)"), region: region,
                    attributes: [
                        "id": .string(id), "name": api[member: "name"], "arn": .string(arn(region, "/restapis/\(id)")),
                        "description": .string(api[member: "description"].stringValue ?? ""),
                        "execution_arn": .string("arn:aws:execute-api:\(region):\(account):\(id)"),
                        "root_resource_id": api[member: "rootResourceId"],
                        "endpoint_configuration": .block([
                            "types": .sent(configuration[member: "types"]),
                            "vpc_endpoint_ids": configuration[member: "vpcEndpointIds"].elements.map(Value.list) ?? .list([]),
                        ]),
                        "policy": policyText(unescaped(api[member: "policy"].stringValue)),
                        // No minimum means compression is off; Terraform writes that as an empty setting.
                        "minimum_compression_size": api[member: "minimumCompressionSize"].numberValue.map(Value.number) ?? .null,
                        "disable_execute_api_endpoint": .bool(api[member: "disableExecuteApiEndpoint"].boolValue ?? false),
                        "api_key_source": api[member: "apiKeySource"],
                        "tags": .map(api[member: "tags"].members ?? [:]),
                    ]))
        }
        let ids = apis.compactMap { $0[member: "id"].stringValue }
        await reader.gather(ids) { id in await stages(id, client: client, account: account, region: region) }
        await reader.gather(ids) { id in await methods(id, client: client, account: account, region: region) }
        return reader
    }

    /// `arn:aws:apigateway:region::path`, the ARN form of API Gateway resources.
    static func arn(_ region: String, _ path: String) -> String { "arn:aws:apigateway:\(region)::\(path)" }

    /// API Gateway returns a resource policy with its quotes escaped (`{\"Version\":…}`).
    static func unescaped(_ text: String?) -> String? {
        text?.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\/", with: "/")
    }

    /// The stages of REST API `api` and the method settings each declares.
    static func stages(_ api: String, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let answer = await reader.restJSON(.apigateway, "GetStages", path: "/restapis/\(api)/stages", resource: api)
        for stage in answer?[member: "item"].elements ?? [] {
            guard let name = stage[member: "stageName"].stringValue else { continue }
            let stageARN = arn(region, "/restapis/\(api)/stages/\(name)")
            let logs = stage[member: "accessLogSettings"]
            var edges: [LiveResource.Edge] = [.init(attribute: "rest_api_id", type: "aws_api_gateway_rest_api", id: api)]
            if let destination = logs[member: "destinationArn"].stringValue, destination.contains(":logs:") {
                edges.append(
                    .init(attribute: "access_log_settings.destination_arn", type: "aws_cloudwatch_log_group", id: logGroupKey(destination)))
            }
            if let acl = stage[member: "webAclArn"].stringValue {
                edges.append(.init(attribute: "web_acl_arn", type: "aws_wafv2_web_acl", id: acl))
            }
            reader.add(
                LiveResource(
                    type: "aws_api_gateway_stage", id: stageARN, name: "\(api)_\(name)", originID: stageARN, region: region,
                    attributes: [
                        "id": .string("ags-\(api)-\(name)"), "arn": .string(stageARN), "rest_api_id": .string(api),
                        "stage_name": .string(name), "deployment_id": stage[member: "deploymentId"],
                        "description": .string(stage[member: "description"].stringValue ?? ""),
                        // Left out of the answer when never turned on; false is what Terraform records then.
                        "xray_tracing_enabled": .bool(stage[member: "tracingEnabled"].boolValue ?? false),
                        "cache_cluster_enabled": .bool(stage[member: "cacheClusterEnabled"].boolValue ?? false),
                        "cache_cluster_size": stage[member: "cacheClusterSize"],
                        "client_certificate_id": stage[member: "clientCertificateId"],
                        "web_acl_arn": stage[member: "webAclArn"],
                        "access_log_settings": logs.members == nil
                            ? .list([])
                            : .block(["destination_arn": logs[member: "destinationArn"], "format": logs[member: "format"]]),
                        "variables": .map(stage[member: "variables"].members ?? [:]),
                        "tags": .map(stage[member: "tags"].members ?? [:]),
                    ], edges: edges))
            for (path, settings) in (stage[member: "methodSettings"].members ?? [:]).sorted(by: { $0.key < $1.key }) {
                let key = "\(api)-\(name)-\(path)"
                reader.add(
                    LiveResource(
                        type: "aws_api_gateway_method_settings", id: key, name: key, originID: stageARN, region: region,
                        attributes: [
                            "id": .string(key), "rest_api_id": .string(api), "stage_name": .string(name),
                            "method_path": .string(path), "settings": .block(methodSettings(settings)),
                        ],
                        edges: [
                            .init(attribute: "rest_api_id", type: "aws_api_gateway_rest_api", id: api),
                            .init(attribute: "stage_name", type: "aws_api_gateway_stage", id: stageARN),
                        ]))
            }
        }
        return reader
    }

    /// One entry of a stage's `methodSettings` in Terraform's `settings` vocabulary.
    static func methodSettings(_ settings: Value) -> [String: Value] {
        [
            "logging_level": .sent(settings[member: "loggingLevel"]),
            "data_trace_enabled": .sent(settings[member: "dataTraceEnabled"]),
            "metrics_enabled": .sent(settings[member: "metricsEnabled"]),
            "caching_enabled": .sent(settings[member: "cachingEnabled"]),
            "cache_data_encrypted": .sent(settings[member: "cacheDataEncrypted"]),
            "cache_ttl_in_seconds": .sent(settings[member: "cacheTtlInSeconds"]),
            "throttling_burst_limit": .sent(settings[member: "throttlingBurstLimit"]),
            "throttling_rate_limit": .sent(settings[member: "throttlingRateLimit"]),
            "require_authorization_for_cache_control": .sent(settings[member: "requireAuthorizationForCacheControl"]),
        ]
    }

    /// The methods of REST API `api`: each resource's methods with their authorization.
    static func methods(_ api: String, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let resources =
            (await reader.restJSONPages(
                .apigateway, "GetResources", path: "/restapis/\(api)/resources", query: [("embed", "methods"), ("limit", "500")],
                token: "position", field: "position", resource: api) ?? []).flatMap { $0[member: "item"].elements ?? [] }
        for resource in resources {
            guard let resourceID = resource[member: "id"].stringValue else { continue }
            for (verb, method) in (resource[member: "resourceMethods"].members ?? [:]).sorted(by: { $0.key < $1.key }) {
                let key = "agm-\(api)-\(resourceID)-\(verb)"
                let path = resource[member: "path"].stringValue ?? resourceID
                reader.add(
                    LiveResource(
                        type: "aws_api_gateway_method", id: key, name: "\(api)_\(path)_\(verb)",
                        originID: arn(region, "/restapis/\(api)/resources/\(resourceID)/methods/\(verb)"), region: region,
                        attributes: [
                            "id": .string(key), "rest_api_id": .string(api), "resource_id": .string(resourceID),
                            "http_method": .string(verb), "authorization": .sent(method[member: "authorizationType"]),
                            "authorizer_id": method[member: "authorizerId"],
                            "api_key_required": .bool(method[member: "apiKeyRequired"].boolValue),
                        ],
                        edges: [.init(attribute: "rest_api_id", type: "aws_api_gateway_rest_api", id: api)]))
            }
        }
        return reader
    }
}
