import Model

/// The provider IDs a resource can be matched on, normalised so both sides spell them alike.
///
/// State instances carry `id` (and often `arn`); live resources carry `LiveOrigin.id` (an ARN or an Azure
/// resource ID) and usually the same attributes. Every ID of a resource becomes a key `type␟id` of one hash
/// index, which makes matching O(N+M).
enum ResourceIdentity {
    /// The attributes that hold provider IDs, most specific first.
    static let idAttributes = ["id", "arn"]

    /// Normalised IDs of a desired (state or plan) resource. A bucket's sub-resource is also matched on its
    /// `bucket`: the provider's ID may carry the owner and canned ACL too (`bucket,private`).
    static func desiredIDs(_ resource: Resource) -> [String] {
        var out: [String] = []
        var names = idAttributes
        if resource.type.hasPrefix("aws_s3_bucket_") { names.append("bucket") }
        for name in names {
            if let text = resource.attributes[name]?.stringValue, let id = normalise(text), !out.contains(id) {
                out.append(id)
            }
        }
        // The provider names an attachment with a random ID; what it attaches is its identity.
        if let parts = compoundAttributes[resource.type] {
            let values = parts.compactMap { resource.attributes[$0]?.stringValue }
            if values.count == parts.count, !values.contains(where: \.isEmpty) { out.append(values.joined(separator: "|")) }
        }
        return out
    }

    /// Types whose provider ID is random: the attributes that identify them, joined.
    static let compoundAttributes: [String: [String]] = [
        "aws_iam_user_policy_attachment": ["user", "policy_arn"],
        "aws_iam_role_policy_attachment": ["role", "policy_arn"],
        "aws_iam_group_policy_attachment": ["group", "policy_arn"],
    ]

    /// Normalised IDs of a live resource: its origin ID first, then its ID attributes.
    static func liveIDs(_ resource: Resource) -> [String] {
        var out: [String] = []
        if case .live(let origin) = resource.origin, let id = normalise(origin.id) { out.append(id) }
        for id in desiredIDs(resource) where !out.contains(id) { out.append(id) }
        return out
    }

    /// The index key of an ID of a type.
    static func key(type: String, id: String) -> String { type + "\u{1F}" + id }

    /// Trimmed, without a trailing `/`; Azure resource IDs (case-insensitive in ARM) lower-cased. Nil when empty.
    static func normalise(_ text: String) -> String? {
        var id = Substring(text)
        while let first = id.first, first == " " || first == "\t" { id = id.dropFirst() }
        while let last = id.last, last == " " || last == "\t" || last == "/" { id = id.dropLast() }
        guard !id.isEmpty else { return nil }
        if id.hasPrefix("/subscriptions/") || id.hasPrefix("/SUBSCRIPTIONS/") { return id.lowercased() }
        return String(id)
    }

    /// The ID shown in reports: the `id` attribute, else the ARN, else the live origin ID.
    static func displayID(_ resource: Resource) -> String {
        if let id = resource.attributes["id"]?.stringValue, !id.isEmpty { return id }
        if let arn = resource.attributes["arn"]?.stringValue, !arn.isEmpty { return arn }
        if case .live(let origin) = resource.origin { return origin.id }
        return ""
    }

    /// Every raw ID of a resource, as `.bulwarkignore` patterns may name any of them; for a resource of the state
    /// or the code also its address without the type (`web` of `aws_instance.web`, `module.a.aws_instance.web`
    /// gives `web` too) and the whole address.
    static func ignoreIDs(_ resource: Resource) -> [String] {
        var out: [String] = []
        if case .live(let origin) = resource.origin {
            out.append(origin.id)
        } else if !resource.address.isEmpty {
            let marker = resource.type + "."
            if let range = resource.address.range(of: marker, options: .backwards),
                range.lowerBound == resource.address.startIndex
                    || resource.address[resource.address.index(before: range.lowerBound)] == "."
            {
                out.append(String(resource.address[range.upperBound...]))
            }
            out.append(resource.address)
        }
        for name in idAttributes {
            if let text = resource.attributes[name]?.stringValue, !out.contains(text) { out.append(text) }
        }
        return out
    }
}
