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
    /// Whether unmanaged provider-managed defaults (`LiveDefaults`) are reported and counted.
    public var showDefaults: Bool

    /// A detector with the given rules.
    public init(attributes: AttributeIgnoreTable = AttributeIgnoreTable(), ignore: DriftIgnore = DriftIgnore(), showDefaults: Bool = false)
    {
        self.attributes = attributes
        self.ignore = ignore
        self.showDefaults = showDefaults
    }

    /// Three comparisons, kept apart: live against the state (`drifted`, missing, unmanaged: someone changed the
    /// cloud), and the code against the state (`pending`: an apply is needed) — attributes the code sets to other
    /// known values than the state's (see `DesiredStateMerger`), resources in the code only (`create`) and, when
    /// `.tf` code is given, resources in the state only (`destroy`). Ignore rules match pending resources by
    /// address as well as by ID.
    public func detect(
        state: [Resource], configuration: [Resource], live: [Resource],
        discoveredTypes: Set<String>? = nil, unread: [Resource] = [], regions: Set<String>? = nil
    ) -> DriftReport {
        let merged = DesiredStateMerger(attributes: attributes).merge(state: state, configuration: configuration)
        var report = detect(desired: state, live: live, discoveredTypes: discoveredTypes, unread: unread, regions: regions)
        let attributeRules = ignore.hasAttributeRules
        for (i, resource) in state.enumerated() where resource.mode == .managed && merged.resources[i].attributes != resource.attributes {
            let ids = ResourceIdentity.ignoreIDs(resource)
            if !ignore.rules.isEmpty, ignore.ignoresResource(type: resource.type, ids: ids) { continue }
            let ignore = self.ignore
            var diff = AttributeDiff(rules: attributes.rules(for: resource.type), absentIsNull: true) { path, pattern in
                attributeRules && ignore.ignoresAttribute(type: resource.type, ids: ids, path: path, pattern: pattern)
            }
            diff.compare(desired: merged.resources[i].attributes, live: resource.attributes)
            let id = ResourceIdentity.displayID(resource)
            for d in diff.differences {
                report.pendingChanges.append(
                    DriftChange(
                        type: resource.type, address: resource.address, id: id, attribute: d.path, desired: d.desired,
                        live: d.live, kind: .pending))
            }
        }
        for resource in merged.pending {
            if !ignore.rules.isEmpty, ignore.ignoresResource(type: resource.type, ids: ResourceIdentity.ignoreIDs(resource)) { continue }
            report.pending.append(Self.pending(resource))
        }
        // Only `.tf` code says what was removed: a plan file may hold only what it changes.
        if configuration.contains(where: { $0.mode == .managed && $0.origin.sourceRange != nil && !Self.isPlan($0) }) {
            let declared = Set(configuration.filter { $0.mode == .managed }.map(\.address))
            for resource in state where resource.mode == .managed && !declared.contains(resource.address) {
                let ids = ResourceIdentity.ignoreIDs(resource)
                if !ignore.rules.isEmpty, ignore.ignoresResource(type: resource.type, ids: ids) { continue }
                report.pending.append(
                    DriftPendingResource(
                        type: resource.type, address: resource.address, file: nil, line: nil, action: .destroy,
                        id: ResourceIdentity.displayID(resource)))
            }
        }
        report.pendingChanges.sort { ($0.address, $0.attribute) < ($1.address, $1.attribute) }
        report.pending.sort { ($0.address, $0.action.rawValue) < ($1.address, $1.action.rawValue) }
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
    /// in sync. `regions` names the regions discovery read: an unmatched desired resource whose ARN names another
    /// region is not read, never missing (nil: every region was read).
    public func detect(
        desired: [Resource], live: [Resource], discoveredTypes: Set<String>? = nil, unread: [Resource] = [],
        regions: Set<String>? = nil
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
        let defaults = showDefaults ? nil : LiveDefaults(live: live)
        // Live data sources (account summaries) describe the account, not something Terraform manages.
        for resource in live where resource.mode == .managed {
            let ignoreIDs = ignore.rules.isEmpty ? [] : ResourceIdentity.ignoreIDs(resource)
            if !ignore.rules.isEmpty, ignore.ignoresResource(type: resource.type, ids: ignoreIDs) { continue }
            var hit: Int?
            for id in ResourceIdentity.liveIDs(resource) {
                if let i = index[ResourceIdentity.key(type: resource.type, id: id)] {
                    hit = i
                    break
                }
            }
            guard let i = hit else {
                if let defaults, defaults.isDefault(resource) {
                    report.defaults.append(Self.reference(resource, address: nil))
                } else {
                    report.liveCount += 1
                    report.unmanaged.append(Self.reference(resource, address: nil))
                }
                continue
            }
            report.liveCount += 1
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
            if let regions, let region = Self.arnRegion(desired[i]), !regions.contains(region) {
                report.notRead.append(
                    DriftNotRead(
                        type: desired[i].type, address: desired[i].address, id: ResourceIdentity.displayID(desired[i]),
                        attributes: [], region: region))
                continue
            }
            report.missing.append(Self.reference(desired[i], address: desired[i].address))
        }
        report.changed.sort { ($0.address, $0.attribute) < ($1.address, $1.attribute) }
        report.missing.sort { ($0.address ?? "") < ($1.address ?? "") }
        report.unmanaged.sort { ($0.type, $0.id) < ($1.type, $1.id) }
        report.defaults.sort { ($0.type, $0.id) < ($1.type, $1.id) }
        report.notRead.sort { $0.address < $1.address }
        return report
    }

    private static func isPlan(_ resource: Resource) -> Bool {
        if case .plan = resource.origin { return true }
        return false
    }

    /// The regions the ARNs of `resources` name: where a state's resources live.
    public static func regions(of resources: [Resource]) -> Set<String> {
        Set(resources.compactMap(arnRegion))
    }

    /// The region an ARN attribute names (`arn:aws:logs:eu-west-1:…`); nil for global ARNs and other IDs.
    static func arnRegion(_ resource: Resource) -> String? {
        for name in ResourceIdentity.idAttributes {
            guard let text = resource.attributes[name]?.stringValue, text.hasPrefix("arn:") else { continue }
            let parts = text.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
            if parts.count > 3, !parts[3].isEmpty { return String(parts[3]) }
        }
        return nil
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
