/// The data and platform services live discovery reads (Kubernetes, caches, search, warehouses) and IAM Access
/// Analyzer, each with the protocol its current SDKs speak.
extension AWSService {
    public static let eks = AWSService(
        id: "eks", environmentName: "EKS", endpointPrefix: "eks", signingName: "eks", wireProtocol: .restJSON)
    public static let elasticache = AWSService(
        id: "elasticache", environmentName: "ELASTICACHE", endpointPrefix: "elasticache", signingName: "elasticache",
        wireProtocol: .query(version: "2015-02-02", ec2: false))
    /// OpenSearch Service keeps the Elasticsearch endpoint prefix and signing name (`es`).
    public static let opensearch = AWSService(
        id: "opensearch", environmentName: "OPENSEARCH", endpointPrefix: "es", signingName: "es", wireProtocol: .restJSON)
    public static let redshift = AWSService(
        id: "redshift", environmentName: "REDSHIFT", endpointPrefix: "redshift", signingName: "redshift",
        wireProtocol: .query(version: "2012-12-01", ec2: false))
    public static let accessanalyzer = AWSService(
        id: "accessanalyzer", environmentName: "ACCESSANALYZER", endpointPrefix: "access-analyzer",
        signingName: "access-analyzer", wireProtocol: .restJSON)
}
