import Foundation

extension TargetConfig {
    /// A target's `activityLogs:` block: where its cloud activity logs are, the model, and where alerts go.
    public struct ActivityLogs: Sendable, Hashable {
        /// CloudTrail objects in S3 (`AWSLogs/<account>/CloudTrail/<region>/` under `prefix`).
        public struct AWS: Sendable, Hashable {
            public var bucket: String
            public var prefix: String
            /// The bucket's region (default: the client's region; S3 redirects once otherwise).
            public var region: String?
            /// Accounts to read (default: every account folder in the bucket).
            public var accounts: [String]
            /// A bucket, optional prefix, region and accounts.
            public init(bucket: String, prefix: String = "", region: String? = nil, accounts: [String] = []) {
                self.bucket = bucket
                self.prefix = prefix
                self.region = region
                self.accounts = accounts
            }
        }

        public var aws: AWS?
        /// The subscription whose Activity Log is read through the REST API.
        public var azureSubscription: String?
        /// A local directory of log files (CloudTrail tree or Azure exports).
        public var localDirectory: String?
        /// Window length for features and for training a first model.
        public var window: Duration
        /// A trained model (`bulwark anomaly train`); without one the stage trains on the first history it reads.
        public var model: String?
        /// The environment variable holding the Slack-compatible webhook URL (a secret, so never in the file).
        public var webhookURLEnv: String?
        /// Cycles in a row that may fail to fetch one log object before it is skipped for good (default 5).
        public var maxReadAttempts: Int = 5

        /// A block with at least one source; the rest defaults (1 h window, no model, no webhook).
        public init(
            aws: AWS? = nil, azureSubscription: String? = nil, localDirectory: String? = nil,
            window: Duration = .seconds(3600), model: String? = nil, webhookURLEnv: String? = nil
        ) {
            self.aws = aws
            self.azureSubscription = azureSubscription
            self.localDirectory = localDirectory
            self.window = window
            self.model = model
            self.webhookURLEnv = webhookURLEnv
        }
    }
}
