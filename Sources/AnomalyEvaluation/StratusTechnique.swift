import Anomaly
import Model

/// One attack technique of Stratus Red Team's public catalogue (or a GuardDuty finding family), as the calls its
/// documentation lists: event names as CloudTrail / the Activity Log record them (versioned Lambda names
/// included), request parameters, error codes, the client and the region. Written from the technique
/// descriptions, not from captured logs.
public struct StratusTechnique: Sendable {
    /// One API call of the technique, repeated `count` times (`{i}` in request text becomes the repetition index).
    public struct Step: Sendable {
        var event: String
        /// CloudTrail event source without `.amazonaws.com`, or the Azure resource provider.
        var service: String
        var readOnly: Bool
        var count = 1
        var errorCode: String? = nil
        var request: [String: Value] = [:]
        var console = false
        var mfa = true
        /// Another identity making this call (an instance role using credentials the technique obtained).
        var actor: String? = nil
        var actorKind = Persona.Kind.role
        /// The Azure resource acted on, when the step names one (`{i}` as in the request).
        var resource: String? = nil

        /// This step made by `actor` (a role unless `kind` says otherwise).
        func by(_ actor: String, kind: Persona.Kind = .role) -> Step {
            var copy = self
            copy.actor = actor
            copy.actorKind = kind
            return copy
        }
    }

    /// `aws.defense-evasion.cloudtrail-stop`, `azure.execution.vm-run-command`, or `guardduty.…` for a finding
    /// family Stratus does not cover.
    public var name: String
    public var cloud: ActivityEvent.Cloud
    /// The compromised identity: an IAM user or role name, an Azure UPN or application ID.
    var principal: String
    var principalKind: Persona.Kind
    var region: String
    var agent: String
    /// Seconds between calls (clients page and retry; Stratus waits between some steps).
    var spacing: Double
    var steps: [Step]

    /// The Go SDK client Stratus Red Team runs as, without the tool's own user-agent marker: detections must
    /// work on the calls, not on the name of the tool that made them.
    static let goSDK = "aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64"
    static let cli =
        "aws-cli/2.17.20 md/awscrt#0.20.11 ua/2.0 os/linux#6.8.0 md/arch#x86_64 lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 md/prompt#off md/command#"
    static let boto =
        "Boto3/1.34.150 md/Botocore#1.34.150 ua/2.0 os/linux#6.8.0 md/arch#x86_64 lang/python#3.12.3 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.150"
    static let external = "999988887777"

    static func r(_ event: String, _ service: String, count: Int = 1, error: String? = nil, _ request: [String: Value] = [:]) -> Step {
        Step(event: event, service: service, readOnly: true, count: count, errorCode: error, request: request)
    }

    static func w(_ event: String, _ service: String, count: Int = 1, error: String? = nil, _ request: [String: Value] = [:]) -> Step {
        Step(event: event, service: service, readOnly: false, count: count, errorCode: error, request: request)
    }

    static func aws(
        _ name: String, _ principal: String, kind: Persona.Kind = .user, region: String = "us-east-1", agent: String = goSDK,
        spacing: Double = 2, _ steps: [Step]
    ) -> StratusTechnique {
        StratusTechnique(
            name: name, cloud: .aws, principal: principal, principalKind: kind, region: region, agent: agent, spacing: spacing,
            steps: steps)
    }

    static func azure(_ name: String, _ principal: String, kind: Persona.Kind = .user, _ steps: [Step]) -> StratusTechnique {
        StratusTechnique(
            name: name, cloud: .azure, principal: principal, principalKind: kind, region: "westeurope", agent: "", spacing: 5,
            steps: steps)
    }

    /// Every technique the coverage harness runs: AWS first, then Azure.
    public static var all: [StratusTechnique] { awsDefenseEvasionAndPersistence + awsAccessAndImpact + azureTechniques }
}
