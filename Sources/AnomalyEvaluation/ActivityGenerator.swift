import Anomaly
import Model

/// An attack placed in the generated data: which technique, whose credentials, and when its calls were made.
public struct InjectedAttack: Sendable, Hashable {
    public var technique: String
    /// The principal as the readers name it (the IAM user or role ARN).
    public var principal: String
    public var callTimes: [Double]
}

/// The harness's synthetic history: benign calls of the cast plus injected attacks, deterministic from a seed.
public struct GeneratedDataset: Sendable {
    public var account: String
    public var subscription: String
    public var start: Double
    /// Training history ends here; the test period (with the attacks) follows.
    public var trainEnd: Double
    public var end: Double
    public var attacks: [InjectedAttack]
    public var principals: [String]
    /// Principals of the hard cases of benign traffic, with the case each stands for.
    public var hardCases: [String: String]
    var calls: [SyntheticCall]
    let cast: [Persona]

    /// Calls generated, attacks included.
    public var callCount: Int { calls.count }
}

/// Generates benign activity with working-hours rhythms and usual services, then injects the attack techniques.
public enum ActivityGenerator {
    /// What to generate.
    public struct Config: Sendable {
        public var seed: UInt64 = 7
        /// Must be a Monday 00:00 UTC for weekdays to line up (2026-03-02).
        public var start: Double = 1_772_409_600
        public var trainDays = 14
        public var testDays = 7
        public var account = "123456789012"
        /// The Azure subscription of the harness's Azure principals.
        public var subscription = "0b1f6471-1bf0-4dda-aec3-cb9272f09590"
        public var techniques = AttackTechnique.all + AttackTechnique.insiders
        /// Whether the hard cases of benign traffic (`Persona.hardCases`) are generated.
        public var hardCases = true
        /// Seed 7, 14 training days and 7 test days from Monday 2026-03-02, every technique.
        public init() {}
    }

    /// Generates the dataset; the same config gives the same calls, byte for byte once written.
    public static func generate(_ config: Config) -> GeneratedDataset {
        var rng = Xoshiro256(seed: config.seed)
        let cast = Persona.cast()
        var calls: [SyntheticCall] = []
        let days = config.trainDays + config.testDays
        var freshIP = 0
        // The hard cases draw from their own stream, so the rest of the cast makes the same calls with or without them.
        var hardRNG = Xoshiro256(seed: config.seed ^ 0x4A4D_CA5E)
        var hardFreshIP = 0
        let included = cast.indices.filter { cast[$0].hardCase == nil || config.hardCases }
        for day in 0..<days {
            for index in included {
                if cast[index].hardCase == nil {
                    benignDay(cast[index], index: index, day: day, config: config, rng: &rng, freshIP: &freshIP, into: &calls)
                }
            }
            for index in included where cast[index].hardCase != nil {
                benignDay(cast[index], index: index, day: day, config: config, rng: &hardRNG, freshIP: &hardFreshIP, into: &calls)
            }
        }
        let trainEnd = config.start + Double(config.trainDays * 86_400)
        var attacks: [InjectedAttack] = []
        for technique in config.techniques {
            guard let index = cast.firstIndex(where: { $0.name == technique.persona }), technique.day < config.testDays else { continue }
            var t = trainEnd + Double(technique.day * 86_400 + technique.hour * 3600) + 300 + rng.unit() * 600
            var times: [Double] = []
            var serial = 0
            let persona = cast[index]
            let ip = technique.usualHost ? persona.ips[0] : technique.ip
            let agent = technique.usualHost ? persona.agents[0] : technique.agent
            for c in technique.calls {
                for i in 0..<c.count {
                    t += technique.spacing.map { $0 * (0.5 + rng.unit()) } ?? 2 + rng.unit() * 20
                    serial += 1
                    let region = cast[index].cloud == .aws ? "us-east-1" : cast[index].regions[0].0
                    var request = nested(c.params)
                    if c.action == "GetSecretValue" { request["secretId"] = .string("prod/app-\(serial)") }
                    if c.action == "GetObject" {
                        request["bucketName"] = .string("prod-customer-data")
                        request["key"] = .string("exports/part-\(serial).parquet")
                    }
                    if c.action == "GetPasswordData" {
                        request["instanceId"] = .string("i-0\(String(rng.next() % 0xFFFF_FFFF, radix: 16))")
                    }
                    calls.append(
                        SyntheticCall(
                            time: t, persona: index, action: c.action, service: c.service, region: region, ip: ip,
                            agent: agent, readOnly: c.readOnly, errorCode: c.errorCode.flatMap { i % 2 == 0 ? $0 : nil },
                            request: request, mfa: c.mfa, console: c.console))
                    times.append(t)
                }
            }
            attacks.append(
                InjectedAttack(technique: technique.name, principal: cast[index].principal(account: config.account), callTimes: times))
        }
        calls.sort { $0.time < $1.time }
        return GeneratedDataset(
            account: config.account, subscription: config.subscription, start: config.start, trainEnd: trainEnd,
            end: config.start + Double(days * 86_400), attacks: attacks,
            principals: cast.map { $0.principal(account: config.account) },
            hardCases: Dictionary(
                included.compactMap { i in cast[i].hardCase.map { (cast[i].principal(account: config.account), $0) } },
                uniquingKeysWith: { a, _ in a }),
            calls: calls, cast: cast)
    }

    /// One day of a persona's benign calls, with its changes of that day applied (a move, a rollout, a spike).
    static func benignDay(
        _ base: Persona, index: Int, day: Int, config: Config, rng: inout Xoshiro256, freshIP: inout Int,
        into calls: inout [SyntheticCall]
    ) {
        guard day >= base.firstDay else { return }
        var persona = base
        if let move = base.move, day >= move.day {
            persona.ips[persona.ips.count - 1] = move.ip
            persona.agents = move.agents
        }
        if let rollout = base.rollout, day >= rollout.day {
            persona.regions = base.regions.map { ($0.0, $0.1 * (1 - rollout.share)) } + [(rollout.region, rollout.share)]
        }
        let factor = base.spike.flatMap { $0.day == day ? $0.factor : nil } ?? 1
        let weekday = day % 7
        let freshPrefix = persona.hardCase == nil ? "100.64" : "100.65"
        var signedIn = false
        for hour in 0..<24 {
            let chance = weekday < 5 ? persona.weekdayHours[hour] : persona.weekendHours[hour]
            guard rng.unit() < chance else { continue }
            let windowStart = config.start + Double(day * 86_400 + hour * 3600)
            let count = Int(Double(persona.volume.lowerBound + rng.below(persona.volume.count)) * factor)
            var ip = persona.ips[0]
            var newIP: String?
            if rng.unit() < persona.newIPChance {
                freshIP += 1
                newIP = "\(freshPrefix).\(freshIP / 250).\(freshIP % 250 + 1)"
            }
            var agentOverride: String?
            if rng.unit() < persona.newAgentChance {
                agentOverride = "aws-cli/2.\(16 + rng.below(5)).\(rng.below(40)) Python/3.11.9 Linux/6.1.0 exe/x86_64"
            }
            if persona.consoleDaily && !signedIn {
                signedIn = true
                calls.append(
                    SyntheticCall(
                        time: windowStart + rng.unit() * 60, persona: index, action: "ConsoleLogin", service: "signin",
                        region: "us-east-1", ip: newIP ?? ip, agent: Persona.console, readOnly: false, mfa: true, console: true))
            }
            if !persona.rareCalls.isEmpty, rng.unit() < persona.rareChance {
                var rare = persona.rareCalls[rng.below(persona.rareCalls.count)]
                rare.weight = 1
                calls.append(
                    call(rare, persona: persona, index: index, windowStart: windowStart, ip: ip, agent: agentOverride, rng: &rng))
            }
            for _ in 0..<count {
                if persona.ips.count > 1 {
                    ip = rng.unit() < 0.75 ? persona.ips[0] : persona.ips[1 + rng.below(persona.ips.count - 1)]
                }
                if let newIP, rng.unit() < 0.8 { ip = newIP }
                let template = pick(persona.calls, &rng)
                calls.append(
                    call(template, persona: persona, index: index, windowStart: windowStart, ip: ip, agent: agentOverride, rng: &rng))
            }
        }
    }

    static func pick(_ calls: [Persona.Call], _ rng: inout Xoshiro256) -> Persona.Call {
        let total = calls.reduce(0) { $0 + $1.weight }
        var x = rng.unit() * total
        for c in calls {
            x -= c.weight
            if x < 0 { return c }
        }
        return calls[calls.count - 1]
    }

    static func call(
        _ template: Persona.Call, persona: Persona, index: Int, windowStart: Double, ip: String, agent: String?,
        rng: inout Xoshiro256
    ) -> SyntheticCall {
        var x = rng.unit()
        var region = persona.regions[0].0
        for (name, share) in persona.regions {
            x -= share
            if x < 0 {
                region = name
                break
            }
        }
        let denied = rng.unit() < persona.deniedShare
        var request: [String: Value] = [:]
        if template.action == "GetSecretValue" { request["secretId"] = .string("prod/app-config") }
        if template.action == "PutBucketPolicy" { request["bucketName"] = .string("ci-artifacts") }
        if template.action == "CreateUser" || template.action == "CreateAccessKey" || template.action == "AttachUserPolicy" {
            request["userName"] = .string("new-hire-\(rng.below(50))")
        }
        return SyntheticCall(
            time: windowStart + rng.unit() * 3599, persona: index, action: template.action, service: template.service,
            region: region, ip: ip, agent: agent ?? persona.agents[rng.below(persona.agents.count)],
            readOnly: template.readOnly, errorCode: denied ? "AccessDenied" : nil, request: request)
    }

    /// `a.b.c` keys become nested objects; an `ipPermissions` shape for security-group rules.
    static func nested(_ flat: [String: String]) -> [String: Value] {
        var out: [String: Value] = [:]
        for (key, value) in flat {
            if key == "cidrIp" || key == "fromPort" { continue }
            let parts = key.split(separator: ".").map(String.init)
            if parts.count == 1 {
                out[key] = .string(value)
                continue
            }
            // createVolumePermission.add.userId → {"createVolumePermission": {"add": {"items": [{"userId": v}]}}}
            out[parts[0]] = .object([parts[1]: .object(["items": .list([.object([parts[2]: .string(value)])])])])
        }
        if let cidr = flat["cidrIp"] {
            let port = Int(flat["fromPort"] ?? "22") ?? 22
            out["ipPermissions"] = .object([
                "items": .list([
                    .object([
                        "ipProtocol": .string("tcp"), "fromPort": .number(Double(port)), "toPort": .number(Double(port)),
                        "ipRanges": .object(["items": .list([.object(["cidrIp": .string(cidr)])])]),
                    ])
                ])
            ])
        }
        return out
    }
}
