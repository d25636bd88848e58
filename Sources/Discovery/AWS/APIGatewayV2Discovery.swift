import AWS
import Model

/// API Gateway HTTP and WebSocket APIs in one region with their stages and routes: one GetStages and one GetRoutes
/// per API (pages of 500).
enum APIGatewayV2Discovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let apis =
            (await reader.restJSONPages(
                .apigatewayv2, "GetApis", path: "/v2/apis", query: [("maxResults", "500")], token: "nextToken",
                field: "nextToken", resource: nil) ?? []).flatMap { $0[member: "items"].elements ?? [] }
        for api in apis {
            guard let id = api[member: "apiId"].stringValue else { continue }
            let arn = APIGatewayDiscovery.arn(region, "/apis/\(id)")
            reader.add(
                LiveResource(
                    type: "aws_apigatewayv2_api", id: id, name: api[member: "name"].stringValue ?? id, originID: arn,
                    region: region,
                    attributes: [
                        "id": .string(id), "arn": .string(arn), "name": api[member: "name"],
                        "protocol_type": api[member: "protocolType"], "api_endpoint": api[member: "apiEndpoint"],
                        "description": .string(api[member: "description"].stringValue ?? ""),
                        "disable_execute_api_endpoint": .bool(api[member: "disableExecuteApiEndpoint"].boolValue ?? false),
                        "route_selection_expression": api[member: "routeSelectionExpression"],
                        "execution_arn": .string("arn:aws:execute-api:\(region):\(account):\(id)"),
                        "tags": .map(api[member: "tags"].members ?? [:]),
                    ]))
        }
        let ids = apis.compactMap { $0[member: "apiId"].stringValue }
        await reader.gather(ids) { id in await children(id, client: client, account: account, region: region) }
        return reader
    }

    /// The stages and routes of API `api`.
    static func children(_ api: String, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let stages =
            (await reader.restJSONPages(
                .apigatewayv2, "GetStages", path: "/v2/apis/\(api)/stages", query: [("maxResults", "500")], token: "nextToken",
                field: "nextToken", resource: api) ?? []).flatMap { $0[member: "items"].elements ?? [] }
        for stage in stages {
            guard let name = stage[member: "stageName"].stringValue else { continue }
            let arn = APIGatewayDiscovery.arn(region, "/apis/\(api)/stages/\(name)")
            let logs = stage[member: "accessLogSettings"]
            let route = stage[member: "defaultRouteSettings"]
            var edges: [LiveResource.Edge] = [.init(attribute: "api_id", type: "aws_apigatewayv2_api", id: api)]
            if let destination = logs[member: "destinationArn"].stringValue, destination.contains(":logs:") {
                edges.append(
                    .init(attribute: "access_log_settings.destination_arn", type: "aws_cloudwatch_log_group", id: logGroupKey(destination)))
            }
            reader.add(
                LiveResource(
                    type: "aws_apigatewayv2_stage", id: "\(api)/\(name)", name: "\(api)_\(name)", originID: arn, region: region,
                    attributes: [
                        "id": .string(name), "arn": .string(arn), "api_id": .string(api), "name": .string(name),
                        "auto_deploy": .bool(stage[member: "autoDeploy"].boolValue ?? false),
                        "deployment_id": stage[member: "deploymentId"], "client_certificate_id": stage[member: "clientCertificateId"],
                        "description": .string(stage[member: "description"].stringValue ?? ""),
                        "access_log_settings": logs.members == nil
                            ? .list([])
                            : .block(["destination_arn": logs[member: "destinationArn"], "format": logs[member: "format"]]),
                        "default_route_settings": route.members == nil
                            ? .list([])
                            : .block([
                                "data_trace_enabled": .bool(route[member: "dataTraceEnabled"].boolValue ?? false),
                                "detailed_metrics_enabled": .bool(route[member: "detailedMetricsEnabled"].boolValue ?? false),
                                "logging_level": route[member: "loggingLevel"],
                                "throttling_burst_limit": route[member: "throttlingBurstLimit"],
                                "throttling_rate_limit": route[member: "throttlingRateLimit"],
                            ]),
                        "stage_variables": .map(stage[member: "stageVariables"].members ?? [:]),
                        "tags": .map(stage[member: "tags"].members ?? [:]),
                    ], edges: edges))
        }
        let routes =
            (await reader.restJSONPages(
                .apigatewayv2, "GetRoutes", path: "/v2/apis/\(api)/routes", query: [("maxResults", "500")], token: "nextToken",
                field: "nextToken", resource: api) ?? []).flatMap { $0[member: "items"].elements ?? [] }
        for route in routes {
            guard let id = route[member: "routeId"].stringValue else { continue }
            let key = route[member: "routeKey"].stringValue ?? id
            reader.add(
                LiveResource(
                    type: "aws_apigatewayv2_route", id: id, name: "\(api)_\(key)",
                    originID: APIGatewayDiscovery.arn(region, "/apis/\(api)/routes/\(id)"), region: region,
                    attributes: [
                        "id": .string(id), "api_id": .string(api), "route_key": .string(key),
                        // NONE is the default AWS leaves out of the answer.
                        "authorization_type": .string(route[member: "authorizationType"].stringValue ?? "NONE"),
                        "authorizer_id": route[member: "authorizerId"],
                        "api_key_required": .bool(route[member: "apiKeyRequired"].boolValue ?? false),
                        "target": route[member: "target"],
                    ],
                    edges: [.init(attribute: "api_id", type: "aws_apigatewayv2_api", id: api)]))
        }
        return reader
    }
}
