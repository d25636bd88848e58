import Azure

/// Drafts and errors gathered by one collector.
struct Harvest: Sendable {
    var drafts: [LiveResource] = []
    var errors: [AzureError] = []

    mutating func merge(_ other: Harvest) {
        drafts += other.drafts
        errors += other.errors
    }
}
