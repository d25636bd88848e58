import Checks
import Model

/// Reads the `tests:` fixtures of a detection file into events, as the log readers would have produced them.
extension DetectionLoader {
    static func test(_ node: YNode, detection: Detection) throws(LoadError) -> DetectionTest {
        try node.requireKeys(in: ["name", "fires", "events"], "a test")
        guard let nameNode = node["name"], let firesNode = node["fires"], let eventsNode = node["events"] else {
            throw node.error("a test needs name, fires and events")
        }
        let name = try nameNode.requireString("name")
        let fires = try bool(firesNode, "fires")
        guard let items = eventsNode.sequenceItems, !items.isEmpty else { throw eventsNode.error("events must be a non-empty list") }
        var events: [ActivityEvent] = []
        for item in items {
            let (event, repeats) = try fixtureEvent(item, detection: detection)
            for i in 0..<repeats {
                var e = event
                e.time = event.time + Double(events.count * 10)
                if repeats > 1 {
                    // `{i}` in a request value makes each repeat touch its own resource (distinct thresholds).
                    e.request = e.request.mapValues { $0.replacingOccurrences(of: "{i}", with: String(i)) }
                    e.resource = e.resource?.replacingOccurrences(of: "{i}", with: String(i))
                }
                events.append(e)
            }
        }
        return DetectionTest(name: name, fires: fires, events: events, line: node.line)
    }

    static func fixtureEvent(_ node: YNode, detection: Detection) throws(LoadError) -> (ActivityEvent, Int) {
        try node.requireKeys(in: eventKeys, "a test event")
        let cloud = detection.cloud
        guard let nameNode = node["event"] else { throw node.error("a test event needs 'event'") }
        var action = try nameNode.requireString("event")
        if cloud == .azure { action = action.lowercased() }
        let service: String
        if let s = node["source"] {
            service = self.service(try s.requireString("source"), cloud: cloud)
        } else if cloud == .azure {
            service = action.split(separator: "/").first.map(String.init) ?? action
        } else if detection.predicate.services.count == 1, let only = detection.predicate.services.first {
            service = only
        } else {
            throw node.error("a test event needs 'source' when the detection does not name exactly one")
        }
        var type: ActivityEvent.PrincipalType = .user
        if let t = node["principalType"] {
            let text = try t.requireString("principalType")
            guard let parsed = ActivityEvent.PrincipalType(rawValue: text) else { throw t.error("unknown principal type '\(text)'") }
            type = parsed
        }
        let defaultPrincipal =
            cloud == .aws
            ? (type == .root ? "arn:aws:iam::\(fixtureAccount):root" : "arn:aws:iam::\(fixtureAccount):user/dev")
            : "dev@contoso.com"
        let principal = try node["principal"]?.requireString("principal") ?? defaultPrincipal
        var fields: [String: [String: String]] = [:]
        for part in ["request", "response"] {
            guard let r = node[part] else { continue }
            for pair in try r.requireMapping(part) {
                fields[part, default: [:]][pair.key] = try pair.node.requireStringList("\(part).\(pair.key)").joined(separator: ",")
            }
        }
        // `hour: N` puts the event N windows of an hour after the first, so a fixture can give a principal history.
        var hour = 0.0
        if let h = node["hour"] {
            guard case .number(let n)? = h.scalarValue, n >= 0, n <= 168, n == n.rounded() else {
                throw h.error("hour must be a whole number from 0 to 168")
            }
            hour = n
        }
        var repeats = 1
        if let r = node["repeat"] {
            guard case .number(let n)? = r.scalarValue, n >= 1, n <= Double(maxRepeat), n == n.rounded() else {
                throw r.error("repeat must be a whole number from 1 to \(maxRepeat)")
            }
            repeats = Int(n)
        }
        let event = ActivityEvent(
            time: fixtureStart + hour * 3600, cloud: cloud,
            account: cloud == .aws ? fixtureAccount : "00000000-0000-0000-0000-000000000001",
            principal: principal, principalType: type, action: action, service: service,
            region: try node["region"]?.requireString("region") ?? (cloud == .aws ? "us-east-1" : "westeurope"),
            sourceIP: try node["sourceIP"]?.requireString("sourceIP") ?? "198.51.100.7",
            userAgent: try node["userAgent"]?.requireString("userAgent") ?? (cloud == .aws ? "aws-cli/2.15.0" : ""),
            errorCode: try node["errorCode"]?.requireString("errorCode"),
            readOnly: cloud == .aws ? CloudTrailRecord.looksReadOnly(action) : action.hasSuffix("/read"),
            resource: try node["resource"]?.requireString("resource"),
            mfa: try node["mfa"].map { n throws(LoadError) in try bool(n, "mfa") },
            consoleLogin: cloud == .aws && action == "ConsoleLogin", request: fields["request"] ?? [:],
            response: fields["response"] ?? [:])
        return (event, repeats)
    }
}
