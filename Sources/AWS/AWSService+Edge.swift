/// The edge and API services live discovery reads: CDN, API front doors, web firewall, certificates and DNS.
extension AWSService {
    /// CloudFront: one global rest-xml endpoint, signed for us-east-1.
    public static let cloudfront = AWSService(
        id: "cloudfront", environmentName: "CLOUDFRONT", endpointPrefix: "cloudfront", signingName: "cloudfront",
        wireProtocol: .restXML, isGlobal: true)
    /// Route 53: one global rest-xml endpoint, signed for us-east-1.
    public static let route53 = AWSService(
        id: "route53", environmentName: "ROUTE_53", endpointPrefix: "route53", signingName: "route53",
        wireProtocol: .restXML, isGlobal: true)
    /// API Gateway REST APIs (v1).
    public static let apigateway = AWSService(
        id: "apigateway", environmentName: "API_GATEWAY", endpointPrefix: "apigateway", signingName: "apigateway",
        wireProtocol: .restJSON)
    /// API Gateway HTTP and WebSocket APIs (v2): the same endpoint and signing name as v1, paths under `/v2`.
    public static let apigatewayv2 = AWSService(
        id: "apigatewayv2", environmentName: "APIGATEWAYV2", endpointPrefix: "apigateway", signingName: "apigateway",
        wireProtocol: .restJSON)
    /// WAFv2: regional web ACLs per region, CloudFront ones through us-east-1.
    public static let wafv2 = AWSService(
        id: "wafv2", environmentName: "WAFV2", endpointPrefix: "wafv2", signingName: "wafv2",
        wireProtocol: .json(targetPrefix: "AWSWAF_20190729", version: "1.1"))
    /// AWS Certificate Manager.
    public static let acm = AWSService(
        id: "acm", environmentName: "ACM", endpointPrefix: "acm", signingName: "acm",
        wireProtocol: .json(targetPrefix: "CertificateManager", version: "1.1"))
}
