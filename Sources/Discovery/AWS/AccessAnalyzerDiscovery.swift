import AWS
import Model

/// IAM Access Analyzer analyzers in one region (one paginated ListAnalyzers). The region anchor links them, so the
/// "an analyzer in every region" check can fail on a region with none and say UNKNOWN where the list failed.
enum AccessAnalyzerDiscovery {
    static func read(client: AWSClient, account: String, region: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: region)
        let analyzers =
            (await reader.restJSONPages(
                .accessanalyzer, "ListAnalyzers", path: "/analyzer", token: "nextToken", field: "nextToken") ?? [])
            .flatMap { $0[member: "analyzers"].elements ?? [] }
        for analyzer in analyzers {
            guard let name = analyzer[member: "name"].stringValue else { continue }
            let arn = analyzer[member: "arn"].stringValue ?? reader.arn("access-analyzer", "analyzer/\(name)")
            var tags: [String: Value] = [:]
            for (key, value) in analyzer[member: "tags"].members ?? [:] { tags[key] = value }
            reader.add(
                LiveResource(
                    type: "aws_accessanalyzer_analyzer", id: name, name: name, originID: arn, region: region,
                    attributes: [
                        "id": .string(name), "arn": .string(arn), "analyzer_name": .string(name),
                        "type": .sent(analyzer[member: "type"]),
                        // Not a Terraform argument: ACTIVE, CREATING, DISABLED or FAILED (live-only checks read it).
                        "status": .sent(analyzer[member: "status"]), "tags": .map(tags),
                    ]))
        }
        return reader
    }
}
