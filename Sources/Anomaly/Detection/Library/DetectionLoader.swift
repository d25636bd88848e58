import Checks
import Model

/// Reads one detection file. Every key is checked, so a misspelt key or a wrong value is an error at its line and
/// column instead of a detection that silently never fires.
enum DetectionLoader {
    static let topKeys: Set<String> = ["id", "title", "severity", "cloud", "mitre", "description", "match", "threshold", "tests"]
    static let matchKeys: Set<String> = [
        "source", "events", "outcome", "errorCodes", "principalTypes", "consoleLogin", "mfa", "all", "any", "none",
    ]
    static let conditionKeys: Set<String> = ["field", "equals", "contains", "present", "differsFromPrincipal", "foreignAccount"]
    static let eventKeys: Set<String> = [
        "event", "source", "principal", "principalType", "errorCode", "mfa", "request", "region", "userAgent", "sourceIP",
        "resource", "repeat", "response", "hour",
    ]
    /// The start of every fixture's events (a Monday, 00:00 UTC); events are ten seconds apart.
    static let fixtureStart = 1_772_409_600.0
    static let fixtureAccount = "111122223333"
    /// Repeats per fixture event are bounded so a file cannot make the tests allocate without limit.
    static let maxRepeat = 1000

    /// The detection in `text`; `file` is used only to record where it came from.
    static func load(_ text: String, file: String) throws(LoadError) -> Detection {
        guard let root = try YNode.parse(text) else { throw LoadError("empty detection file", line: 1, column: 1) }
        try root.requireKeys(in: topKeys, "a detection")
        func required(_ key: String) throws(LoadError) -> YNode {
            guard let node = root[key] else { throw root.error("missing '\(key)'") }
            return node
        }
        let idNode = try required("id")
        let id = try idNode.requireString("id")
        let cloudNode = try required("cloud")
        guard let cloud = ActivityEvent.Cloud(rawValue: try cloudNode.requireString("cloud")) else {
            throw cloudNode.error("cloud must be aws or azure")
        }
        let prefix = "BLW-DET-\(cloud.rawValue.uppercased())-"
        guard id.hasPrefix(prefix), id.count > prefix.count,
            id.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") })
        else { throw idNode.error("id must look like \(prefix)NAME (upper case, digits and dashes)") }
        let severityNode = try required("severity")
        guard let severity = Severity(rawValue: try severityNode.requireString("severity")) else {
            throw severityNode.error("severity must be one of: critical, high, medium, low")
        }
        let mitre = try required("mitre")
        try mitre.requireKeys(in: ["tactics", "techniques"], "mitre")
        let tactics = try mitre["tactics"]?.requireStringList("mitre.tactics") ?? []
        let techniques = try mitre["techniques"]?.requireStringList("mitre.techniques") ?? []
        guard !tactics.isEmpty, tactics.allSatisfy({ $0.hasPrefix("TA") && $0.count == 6 }) else {
            throw mitre.error("mitre.tactics must list ATT&CK tactic IDs (TA0005)")
        }
        guard !techniques.isEmpty, techniques.allSatisfy({ $0.hasPrefix("T") && !$0.hasPrefix("TA") }) else {
            throw mitre.error("mitre.techniques must list ATT&CK technique IDs (T1562.008)")
        }
        let predicate = try self.predicate(try required("match"), cloud: cloud)
        let threshold = try root["threshold"].map { node throws(LoadError) in try self.threshold(node) }
        var detection = Detection(
            id: id, title: try required("title").requireString("title"), severity: severity, tactics: tactics,
            techniques: techniques, description: try root["description"]?.requireString("description") ?? "",
            predicate: predicate, threshold: threshold, file: file)
        let testsNode = try required("tests")
        guard let items = testsNode.sequenceItems, !items.isEmpty else {
            throw testsNode.error("tests must list at least one firing and one non-firing fixture")
        }
        for item in items { detection.tests.append(try test(item, detection: detection)) }
        guard detection.tests.contains(where: \.fires), detection.tests.contains(where: { !$0.fires }) else {
            throw testsNode.error("tests need at least one fixture with fires: true and one with fires: false")
        }
        return detection
    }

    static func predicate(_ node: YNode, cloud: ActivityEvent.Cloud) throws(LoadError) -> EventPredicate {
        try node.requireKeys(in: matchKeys, "match")
        var p = EventPredicate(cloud: cloud)
        if let s = node["source"] { p.services = Set(try s.requireStringList("match.source").map { service($0, cloud: cloud) }) }
        if let e = node["events"] {
            let names = try e.requireStringList("match.events")
            p.events = Set(cloud == .azure ? names.map { $0.lowercased() } : names)
        }
        if let o = node["outcome"] {
            guard let outcome = EventPredicate.Outcome(rawValue: try o.requireString("match.outcome")) else {
                throw o.error("outcome must be one of: success, failure, denied, any")
            }
            p.outcome = outcome
        }
        if let c = node["errorCodes"] {
            p.errorCodes = Set(try c.requireStringList("match.errorCodes"))
            if p.outcome == .success { p.outcome = .failure }
        }
        if let t = node["principalTypes"] {
            for name in try t.requireStringList("match.principalTypes") {
                guard let type = ActivityEvent.PrincipalType(rawValue: name) else { throw t.error("unknown principal type '\(name)'") }
                p.principalTypes.insert(type)
            }
        }
        if let c = node["consoleLogin"] { p.consoleLogin = try bool(c, "match.consoleLogin") }
        if let m = node["mfa"] { p.mfa = try bool(m, "match.mfa") }
        p.all = try conditions(node["all"], "match.all")
        p.any = try conditions(node["any"], "match.any")
        p.none = try conditions(node["none"], "match.none")
        guard !p.events.isEmpty || !p.services.isEmpty || p.outcome != .success || !p.principalTypes.isEmpty else {
            throw node.error("match must name events, a source, an outcome or principal types")
        }
        return p
    }

    /// `cloudtrail.amazonaws.com` → `cloudtrail`, as the readers name services.
    static func service(_ text: String, cloud: ActivityEvent.Cloud) -> String {
        if cloud == .azure { return text.lowercased() }
        return text.hasSuffix(".amazonaws.com") ? String(text.dropLast(".amazonaws.com".count)) : text
    }

    static func bool(_ node: YNode, _ what: String) throws(LoadError) -> Bool {
        guard case .bool(let b)? = node.scalarValue else { throw node.error("\(what) must be true or false") }
        return b
    }

    static func conditions(_ node: YNode?, _ what: String) throws(LoadError) -> [FieldCondition] {
        guard let node else { return [] }
        guard let items = node.sequenceItems, !items.isEmpty else { throw node.error("\(what) must be a non-empty list") }
        var out: [FieldCondition] = []
        for item in items {
            try item.requireKeys(in: conditionKeys, "a condition of \(what)")
            guard let fieldNode = item["field"] else { throw item.error("a condition needs 'field'") }
            let field = try fieldNode.requireString("field")
            guard FieldCondition.isParameterPath(field) || FieldCondition.eventFields.contains(field) else {
                throw fieldNode.error(
                    "field must be request.PATH, response.PATH or one of: \(FieldCondition.eventFields.sorted().joined(separator: ", "))")
            }
            let tests = (item.mappingPairs ?? []).filter { $0.key != "field" }
            guard tests.count == 1, let pair = tests.first else {
                throw item.error("a condition needs exactly one of: equals, contains, present, differsFromPrincipal, foreignAccount")
            }
            let test: FieldCondition.Test
            switch pair.key {
            case "equals": test = .equals(try pair.node.requireStringList("equals"))
            case "contains": test = .contains(try pair.node.requireStringList("contains"))
            case "present": test = .present(try bool(pair.node, "present"))
            case "differsFromPrincipal":
                guard try bool(pair.node, pair.key) else { throw pair.node.error("differsFromPrincipal can only be true") }
                test = .differsFromPrincipal
            default:
                guard try bool(pair.node, pair.key) else { throw pair.node.error("foreignAccount can only be true") }
                test = .foreignAccount
            }
            out.append(FieldCondition(field: field, test: test))
        }
        return out
    }

    static func threshold(_ node: YNode) throws(LoadError) -> Detection.Threshold {
        try node.requireKeys(in: ["count", "distinct", "window", "baselineMultiple"], "threshold")
        guard let countNode = node["count"], case .number(let count)? = countNode.scalarValue, count >= 2, count <= 1_000_000,
            count == count.rounded()
        else { throw node.error("threshold.count must be a whole number from 2 to 1000000") }
        var threshold = Detection.Threshold(count: Int(count))
        if let d = node["distinct"] {
            let field = try d.requireString("threshold.distinct")
            guard FieldCondition.isParameterPath(field) || FieldCondition.eventFields.contains(field) || field == "event" else {
                throw d.error("threshold.distinct must be request.PATH, response.PATH, event or an event field")
            }
            threshold.distinct = field
        }
        if let w = node["window"] {
            guard case .number(let seconds)? = w.scalarValue, seconds >= 60, seconds <= 86_400 else {
                throw w.error("threshold.window must be seconds from 60 to 86400")
            }
            threshold.windowSeconds = seconds
        }
        if let b = node["baselineMultiple"] {
            guard case .number(let multiple)? = b.scalarValue, multiple >= 1, multiple <= 1000 else {
                throw b.error("threshold.baselineMultiple must be a number from 1 to 1000")
            }
            threshold.baselineMultiple = multiple
        }
        return threshold
    }
}
