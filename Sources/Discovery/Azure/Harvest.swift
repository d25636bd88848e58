import Azure

/// Drafts and errors gathered by one collector.
struct Harvest: Sendable {
    var drafts: [LiveResource] = []
    var errors: [AzureError] = []
    /// Settings that were not read, as the resources that would have held them with their settings unknown.
    var unread: [LiveResource] = []

    mutating func merge(_ other: Harvest) {
        drafts += other.drafts
        errors += other.errors
        unread += other.unread
    }

    /// Records that `draft`'s settings were not read: every attribute but `keep` (its identity) becomes unknown.
    /// With `checked` the placeholder also joins the drafts, for checks that look into it (UNKNOWN, not FAILED
    /// for its absence); a check that only asks whether it exists would pass on it, so such settings stay out.
    mutating func notRead(_ draft: LiveResource, keep: Set<String>, checked: Bool) {
        var placeholder = draft
        for name in placeholder.attributes.keys where !keep.contains(name) { placeholder.attributes[name] = .unknown }
        unread.append(placeholder)
        if checked { drafts.append(placeholder) }
    }
}
