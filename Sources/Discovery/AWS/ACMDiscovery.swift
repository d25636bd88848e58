import AWS
import Foundation
import Model

/// ACM certificates in one region. ListCertificates names only RSA-2048 ones unless asked for every key type, and
/// lacks the transparency logging option, so the list asks for all key types and each certificate costs one
/// DescribeCertificate; a certificate whose description failed keeps what the list said, the rest unknown.
enum ACMDiscovery {
    static let keyTypes = [
        "RSA_1024", "RSA_2048", "RSA_3072", "RSA_4096", "EC_prime256v1", "EC_secp384r1", "EC_secp521r1",
    ]

    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let summaries =
            (await reader.jsonPages(
                .acm, "ListCertificates",
                ["Includes": .object(["keyTypes": .strings(keyTypes)]), "MaxItems": .number(1000)]) ?? [])
            .flatMap { $0[member: "CertificateSummaryList"].elements ?? [] }
        await reader.gather(summaries) { summary in
            await certificate(summary, client: client, account: account, region: region)
        }
        return reader
    }

    static func certificate(_ summary: Value, client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        guard let arn = summary[member: "CertificateArn"].stringValue else { return reader }
        let answer = await reader.json(.acm, "DescribeCertificate", ["CertificateArn": .string(arn)], resource: arn)
        let described = answer?[member: "Certificate"]
        /// A field of the description, else of the list entry (which carries most of them), else unknown.
        func field(_ name: String) -> Value {
            if let described, described[member: name] != .null { return described[member: name] }
            return .sent(summary[member: name])
        }
        let domain = field("DomainName")
        var attributes: [String: Value] = [
            "id": .string(arn), "arn": .string(arn), "domain_name": domain, "status": field("Status"),
            "type": field("Type"), "key_algorithm": field("KeyAlgorithm"),
            "renewal_eligibility": field("RenewalEligibility"),
            "not_after": timestamp(field("NotAfter")), "not_before": timestamp(field("NotBefore")),
            // The description names them all; the list entry only a summary of them.
            "subject_alternative_names": described.map { Value.sent($0[member: "SubjectAlternativeNames"]) }
                ?? .sent(summary[member: "SubjectAlternativeNameSummaries"]),
        ]
        if let described {
            let inUse = (described[member: "InUseBy"].elements ?? []).compactMap(\.stringValue)
            attributes["in_use"] = .bool(!inUse.isEmpty)
            attributes["in_use_by"] = .strings(inUse)
            attributes["options"] = .block([
                "certificate_transparency_logging_preference": .sent(
                    described[member: "Options"][member: "CertificateTransparencyLoggingPreference"])
            ])
        } else {
            attributes["in_use"] = .sent(summary[member: "InUse"])
            attributes["options"] = .unknown
        }
        reader.add(
            LiveResource(
                type: "aws_acm_certificate", id: arn, name: domain.stringValue ?? arn, originID: arn, region: region,
                attributes: attributes))
        return reader
    }

    /// Epoch seconds as Terraform's RFC 3339 timestamp; unknown stays unknown.
    static func timestamp(_ value: Value) -> Value {
        guard let seconds = value.numberValue else { return value.stringValue.map(Value.string) ?? .unknown }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return .string(formatter.string(from: Date(timeIntervalSince1970: seconds)))
    }
}
