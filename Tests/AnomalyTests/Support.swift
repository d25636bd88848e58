import Foundation

@testable import Anomaly

/// Shared helpers for the Anomaly tests.
enum Support {
    /// The repository's root (three levels above this file).
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The real sensitive-action catalog of the repository.
    static func catalog() throws -> SensitiveActionCatalog {
        try SensitiveActionCatalog.load(from: repoRoot.appendingPathComponent("checks/anomaly/sensitive-actions.json"))
    }

    /// A fixture file's URL.
    static func fixture(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("anomaly-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// 2026-03-02T00:00:00Z, a Monday.
    static let monday = 1_772_409_600.0

    /// An AWS event with sensible defaults.
    static func event(
        _ time: Double, _ action: String, principal: String = "arn:aws:iam::111122223333:user/dev", service: String = "ec2",
        type: ActivityEvent.PrincipalType = .user, ip: String = "198.51.100.1", agent: String = "aws-cli/2",
        region: String = "us-east-1", error: String? = nil, readOnly: Bool? = nil, mfa: Bool? = nil,
        request: [String: String] = [:]
    ) -> ActivityEvent {
        ActivityEvent(
            time: time, cloud: .aws, account: "111122223333", principal: principal, principalType: type, action: action,
            service: service, region: region, sourceIP: ip, userAgent: agent, errorCode: error,
            readOnly: readOnly ?? CloudTrailRecord.looksReadOnly(action), mfa: mfa, consoleLogin: action == "ConsoleLogin",
            request: request)
    }

    /// A CloudTrail record as JSON text.
    static func cloudTrailRecord(
        time: String, name: String, user: String = "dev", extra: String = "", source: String = "ec2.amazonaws.com"
    ) -> String {
        """
        {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/\(user)","accountId":"111122223333","userName":"\(user)"},\
        "eventTime":"\(time)","eventSource":"\(source)","eventName":"\(name)","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.1",\
        "userAgent":"aws-cli/2","requestParameters":null,"responseElements":null,"eventType":"AwsApiCall","recipientAccountId":"111122223333"\(extra)}
        """
    }
}

/// Collects alerts delivered to it.
final class CollectingSink: AlertSink, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [Alert] = []
    func deliver(_ alerts: [Alert]) async {
        lock.withLock { collected += alerts }
    }
    var alerts: [Alert] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }
}
