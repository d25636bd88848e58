import Model

/// Links each AWS Backup selection to the resources it protects, as `resources = [aws_db_instance.x.arn]` does in
/// Terraform: a selection names ARNs (with `*` wildcards) and tags, which only the read resources can resolve.
/// Where a selection also has conditions, or AWS Backup was not read in a region, the resources are linked to a
/// placeholder selection whose settings are unknown, so "is it protected?" is UNKNOWN rather than FAILED.
enum BackupSelectionLinks {
    /// The resource types AWS Backup protects that checks ask about.
    static let protectable: Set<String> = [
        "aws_db_instance", "aws_rds_cluster", "aws_dynamodb_table", "aws_ebs_volume", "aws_efs_file_system",
    ]

    /// Adds the edges and placeholders to `live`; `read` says whether AWS Backup was selected for discovery.
    static func link(_ live: inout [LiveResource], errors: [DiscoveryError], regions: [String], read: Bool) {
        let targets = live.filter { protectable.contains($0.type) }
        var placeholders: [LiveResource] = []
        for region in regions where !read || errors.contains(where: { $0.service == "backup" && $0.region == region }) {
            let inRegion = targets.filter { $0.region == region }
            if !inRegion.isEmpty { placeholders.append(unread(id: "unread/\(region)", region: region, targets: inRegion)) }
        }
        for index in live.indices where live[index].type == "aws_backup_selection" {
            let selection = live[index]
            let selected = targets.filter { $0.region == selection.region && selects(selection, $0) }
            if selected.isEmpty { continue }
            if selection.attributes["condition"]?.elements?.isEmpty == false {
                placeholders.append(unread(id: "\(selection.id)/conditions", region: selection.region, targets: selected))
            } else {
                live[index].edges += selected.map { .init(attribute: "resources", type: $0.type, id: $0.id) }
            }
        }
        live += placeholders
    }

    /// A selection whose settings are not known, linked to `targets`.
    static func unread(id: String, region: String?, targets: [LiveResource]) -> LiveResource {
        LiveResource(
            type: "aws_backup_selection", id: id, name: "unread_\(id)", originID: id, region: region,
            attributes: ["id": .string(id), "name": .unknown, "plan_id": .unknown, "resources": .unknown],
            edges: targets.map { .init(attribute: "resources", type: $0.type, id: $0.id) })
    }

    /// Whether `selection` picks `resource`: an ARN pattern or a tag matches, and no excluded ARN pattern does.
    static func selects(_ selection: LiveResource, _ resource: LiveResource) -> Bool {
        guard let arn = resource.attributes["arn"]?.stringValue else { return false }
        func patterns(_ name: String) -> [String] { (selection.attributes[name]?.elements ?? []).compactMap(\.stringValue) }
        let tags = resource.attributes["tags"]?.members ?? [:]
        let byTag = (selection.attributes["selection_tag"]?.elements ?? []).contains { tag in
            guard tag[member: "type"].stringValue == "STRINGEQUALS", let key = tag[member: "key"].stringValue else { return false }
            return tags[key]?.stringValue == tag[member: "value"].stringValue
        }
        let byARN = patterns("resources").contains { matches(arn, pattern: $0) }
        return (byARN || byTag) && !patterns("not_resources").contains { matches(arn, pattern: $0) }
    }

    /// Glob matching where `*` stands for any run of characters, as AWS Backup reads resource ARNs.
    static func matches(_ text: String, pattern: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return text == pattern }
        guard text.hasPrefix(parts[0]), text.dropFirst(parts[0].count).hasSuffix(parts[parts.count - 1]) else { return false }
        var rest = Substring(text.dropFirst(parts[0].count).dropLast(parts[parts.count - 1].count))
        for middle in parts.dropFirst().dropLast() where !middle.isEmpty {
            guard let range = rest.range(of: middle) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}
