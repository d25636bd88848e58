import Model

/// Compares desired resources (Terraform state or plan) with live ones by a hash join on (type, provider ID).
///
/// Every desired ID goes into one dictionary; each live resource then costs a few lookups, so a diff is
/// O(N+M) — unlike driftctl, which scans every state resource for every live one.
public struct DriftDetector: Sendable {
    /// Computed/defaulted attributes and set-typed attributes per type.
    public var attributes: AttributeIgnoreTable
    /// `.bulwarkignore` rules.
    public var ignore: DriftIgnore

    /// A detector with the given rules.
    public init(attributes: AttributeIgnoreTable = AttributeIgnoreTable(), ignore: DriftIgnore = DriftIgnore()) {
        self.attributes = attributes
        self.ignore = ignore
    }

    /// Diffs the state merged with its configuration against `live` (see `DesiredStateMerger` for the rule):
    /// the configuration's known values override the state's, and configuration-only resources are reported
    /// `pending`. `.bulwarkignore` ID patterns match a pending resource's address, as it has no provider ID yet.
    public func detect(
        state: [Resource], configuration: [Resource], live: [Resource],
        discoveredTypes: Set<String>? = nil, unread: [Resource] = []
    ) -> DriftReport {
        let merged = DesiredStateMerger(attributes: attributes).merge(state: state, configuration: configuration)
        var report = detect(desired: merged.resources, live: live, discoveredTypes: discoveredTypes, unread: unread)
        for resource in merged.pending {
            let ids = ResourceIdentity.ignoreIDs(resource) + [resource.address]
            if !ignore.rules.isEmpty, ignore.ignoresResource(type: resource.type, ids: ids) { continue }
            report.pending.append(Self.pending(resource))
        }
        report.pending.sort { $0.address < $1.address }
        report.diagnostics = merged.diagnostics + report.diagnostics
        return report
    }

    /// Diffs `desired` against `live`.
    ///
    /// `discoveredTypes` names the types discovery read: a desired resource of another type is neither compared
    /// nor reported missing (discovery cannot see it). Nil means "the types present in `live`".
    /// Data sources in `desired` are skipped: they are read, not managed.
    /// `unread` holds what discovery could not read, as resources with unknown attributes: a desired resource
    /// matching one (or a live resource with unknown attributes it sets) is reported not read, never missing or
    /// in sync.
    public func detect(
        desired: [Resource], live: [Resource], discoveredTypes: Set<String>? = nil, unread: [Resource] = []
    ) -> DriftReport {
        var report = DriftReport()
        let covered = discoveredTypes ?? Set(live.map(\.type))
        let attributeRules = ignore.hasAttributeRules

        var index: [String: Int] = [:]
        index.reserveCapacity(desired.count * 2)
        var eligible = [Bool](repeating: false, count: desired.count)
        var withoutID = 0
        for (i, resource) in desired.enumerated() where resource.mode == .managed && covered.contains(resource.type) {
            if !ignore.rules.isEmpty, ignore.ignoresResource(type: resource.type, ids: ResourceIdentity.ignoreIDs(resource)) {
                continue
            }
            let ids = ResourceIdentity.desiredIDs(resource)
            if ids.isEmpty {
                withoutID += 1
                continue
            }
            eligible[i] = true
            for id in ids {
                let key = ResourceIdentity.key(type: resource.type, id: id)
                if let other = index[key] {
                    if other != i {
                        report.diagnostics.append(
                            Diagnostic(
                                .driftMatching,
                                "\(resource.address) has the same ID \(Value.quote(id)) as \(desired[other].address); matched to the first",
                                at: nil, severity: .warning))
                    }
                } else {
                    index[key] = i
                }
            }
        }
        if withoutID > 0 {
            report.diagnostics.append(
                Diagnostic(
                    .driftMatching,
                    "\(withoutID) state resource(s) have no \"id\" or \"arn\" attribute and were not compared", at: nil, severity: .warning)
            )
        }

        var matched = [Bool](repeating: false, count: desired.count)
        // Live data sources (account summaries) describe the account, not something Terraform manages.
        for resource in live where resource.mode == .managed {
            let ignoreIDs = ignore.rules.isEmpty ? [] : ResourceIdentity.ignoreIDs(resource)
            if !ignore.rules.isEmpty, ignore.ignoresResource(type: resource.type, ids: ignoreIDs) { continue }
            report.liveCount += 1
            var hit: Int?
            for id in ResourceIdentity.liveIDs(resource) {
                if let i = index[ResourceIdentity.key(type: resource.type, id: id)] {
                    hit = i
                    break
                }
            }
            guard let i = hit else {
                report.unmanaged.append(Self.reference(resource, address: nil))
                continue
            }
            matched[i] = true
            report.managedCount += 1
            let state = desired[i]
            let ids = attributeRules ? ResourceIdentity.ignoreIDs(state) + ignoreIDs : []
            let ignore = self.ignore
            var diff = AttributeDiff(rules: attributes.rules(for: state.type)) { path, pattern in
                attributeRules && ignore.ignoresAttribute(type: state.type, ids: ids, path: path, pattern: pattern)
            }
            diff.compare(desired: state.attributes, live: resource.attributes)
            let id = ResourceIdentity.displayID(state)
            let unknown = Self.unreadAttributes(desired: state, live: resource)
            if !unknown.isEmpty {
                report.notRead.append(DriftNotRead(type: state.type, address: state.address, id: id, attributes: unknown))
            }
            for d in diff.differences {
                report.changed.append(
                    DriftChange(
                        type: state.type, address: state.address, id: id, attribute: d.path, desired: d.desired, live: d.live))
            }
        }
        for resource in unread {
            for id in ResourceIdentity.liveIDs(resource) {
                guard let i = index[ResourceIdentity.key(type: resource.type, id: id)] else { continue }
                if !matched[i] {
                    matched[i] = true
                    let state = desired[i]
                    report.notRead.append(
                        DriftNotRead(
                            type: state.type, address: state.address, id: ResourceIdentity.displayID(state),
                            attributes: Self.unreadAttributes(desired: state, live: resource)))
                }
                break
            }
        }
        for i in desired.indices where eligible[i] && !matched[i] {
            report.missing.append(Self.reference(desired[i], address: desired[i].address))
        }
        report.changed.sort { ($0.address, $0.attribute) < ($1.address, $1.attribute) }
        report.missing.sort { ($0.address ?? "") < ($1.address ?? "") }
        report.unmanaged.sort { ($0.type, $0.id) < ($1.type, $1.id) }
        report.notRead.sort { $0.address < $1.address }
        return report
    }

    /// The desired attributes whose live value is unknown (not read), sorted.
    private static func unreadAttributes(desired: Resource, live: Resource) -> [String] {
        live.attributes.filter { !$0.value.isKnown && desired.attributes[$0.key] != nil }.map(\.key).sorted()
    }

    private static func pending(_ resource: Resource) -> DriftPendingResource {
        if let range = resource.origin.sourceRange {
            return DriftPendingResource(type: resource.type, address: resource.address, file: range.file, line: range.start.line)
        }
        if case .plan(let file, _) = resource.origin {
            return DriftPendingResource(type: resource.type, address: resource.address, file: file, line: nil)
        }
        return DriftPendingResource(type: resource.type, address: resource.address, file: nil, line: nil)
    }

    private static func reference(_ resource: Resource, address: String?) -> DriftResourceRef {
        if case .live(let origin) = resource.origin {
            return DriftResourceRef(type: resource.type, address: address, id: origin.id, account: origin.account, region: origin.region)
        }
        return DriftResourceRef(type: resource.type, address: address, id: ResourceIdentity.displayID(resource))
    }
}
