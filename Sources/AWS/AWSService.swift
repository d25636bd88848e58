/// What the client needs to know about one AWS service: names, protocol and endpoint rules.
public struct AWSService: Sendable, Hashable {
    /// The wire protocol of the service.
    public enum WireProtocol: Sendable, Hashable {
        /// Form-encoded `Action=…&Version=…` with XML responses; EC2 differs in list encoding and error shape.
        case query(version: String, ec2: Bool)
        /// REST with XML bodies (S3).
        case restXML
        /// `X-Amz-Target: prefix.Operation` with an `application/x-amz-json-1.1` body.
        case json(targetPrefix: String, version: String)
        /// REST with JSON bodies: the operation is the method and path (Security Hub).
        case restJSON
    }

    /// Short id used in errors and call counts (`ec2`, `s3`).
    public var id: String
    /// The suffix of `AWS_ENDPOINT_URL_<SERVICE>`, as the AWS CLI spells it (`CONFIG_SERVICE`).
    public var environmentName: String
    /// Host prefix of the default endpoint (`ec2` in `ec2.us-east-1.amazonaws.com`).
    public var endpointPrefix: String
    /// The name used in the SigV4 credential scope.
    public var signingName: String
    public var wireProtocol: WireProtocol
    /// Global services (IAM) have one endpoint and sign for us-east-1.
    public var isGlobal: Bool

    /// Creates a service description.
    public init(
        id: String, environmentName: String, endpointPrefix: String, signingName: String,
        wireProtocol: WireProtocol, isGlobal: Bool = false
    ) {
        self.id = id
        self.environmentName = environmentName
        self.endpointPrefix = endpointPrefix
        self.signingName = signingName
        self.wireProtocol = wireProtocol
        self.isGlobal = isGlobal
    }

    public static let ec2 = AWSService(
        id: "ec2", environmentName: "EC2", endpointPrefix: "ec2", signingName: "ec2",
        wireProtocol: .query(version: "2016-11-15", ec2: true))
    public static let iam = AWSService(
        id: "iam", environmentName: "IAM", endpointPrefix: "iam", signingName: "iam",
        wireProtocol: .query(version: "2010-05-08", ec2: false), isGlobal: true)
    public static let sts = AWSService(
        id: "sts", environmentName: "STS", endpointPrefix: "sts", signingName: "sts",
        wireProtocol: .query(version: "2011-06-15", ec2: false))
    public static let rds = AWSService(
        id: "rds", environmentName: "RDS", endpointPrefix: "rds", signingName: "rds",
        wireProtocol: .query(version: "2014-10-31", ec2: false))
    public static let s3 = AWSService(
        id: "s3", environmentName: "S3", endpointPrefix: "s3", signingName: "s3",
        wireProtocol: .restXML)
    /// S3 Control (account-level public access block); same S3 endpoint variable family.
    public static let s3control = AWSService(
        id: "s3control", environmentName: "S3_CONTROL", endpointPrefix: "s3-control",
        signingName: "s3", wireProtocol: .restXML)
    public static let kms = AWSService(
        id: "kms", environmentName: "KMS", endpointPrefix: "kms", signingName: "kms",
        wireProtocol: .json(targetPrefix: "TrentService", version: "1.1"))
    public static let cloudtrail = AWSService(
        id: "cloudtrail", environmentName: "CLOUDTRAIL", endpointPrefix: "cloudtrail", signingName: "cloudtrail",
        wireProtocol: .json(targetPrefix: "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101", version: "1.1"))
    public static let config = AWSService(
        id: "config", environmentName: "CONFIG_SERVICE", endpointPrefix: "config", signingName: "config",
        wireProtocol: .json(targetPrefix: "StarlingDoveService", version: "1.1"))
    public static let logs = AWSService(
        id: "logs", environmentName: "CLOUDWATCH_LOGS", endpointPrefix: "logs",
        signingName: "logs", wireProtocol: .json(targetPrefix: "Logs_20140328", version: "1.1"))

    public static let securityhub = AWSService(
        id: "securityhub", environmentName: "SECURITYHUB", endpointPrefix: "securityhub", signingName: "securityhub",
        wireProtocol: .restJSON)

    /// Every service the client knows, by id.
    public static let all: [String: AWSService] = Dictionary(
        uniqueKeysWithValues: [ec2, iam, sts, rds, s3, s3control, kms, cloudtrail, config, logs, securityhub].map {
            ($0.id, $0)
        })
}
