@testable import Discovery
import Model
import Testing

@Suite("Live resource addresses")
struct LiveAddressingTests {
    func live(_ type: String, _ id: String, _ name: String, edges: [LiveResource.Edge] = []) -> LiveResource {
        LiveResource(type: type, id: id, name: name, originID: id, region: "us-east-1", attributes: [:], edges: edges)
    }

    @Test func namesAreSanitisedIntoTerraformIdentifiers() {
        #expect(LiveAddressing.sanitize("my.bucket/x y") == "my_bucket_x_y")
        #expect(LiveAddressing.sanitize("9lives") == "_9lives")
        #expect(LiveAddressing.sanitize("") == "_")
    }

    @Test func collisionsGetOrderIndependentSuffixesAndEdgesFollow() {
        let a = live("aws_cloudwatch_log_group", "arn:a", "/app/x")
        let b = live("aws_cloudwatch_log_group", "arn:b", "_app_x")
        let c = live("aws_flow_log", "fl-1", "fl-1", edges: [.init(attribute: "log_group", type: "aws_cloudwatch_log_group", id: "arn:b")])
        let forward = LiveAddressing.resources([a, b, c], account: "1")
        let backward = LiveAddressing.resources([c, b, a], account: "1")
        #expect(forward.map(\.address) == backward.map(\.address))
        #expect(Set(forward.map(\.address)).count == 3)
        let flow = forward.first { $0.type == "aws_flow_log" }
        let target = forward.first { if case .live(let o) = $0.origin { return o.id == "arn:b" } else { return false } }
        #expect(flow?.references.first?.target == target?.address)
        #expect(target?.address.hasPrefix("aws_cloudwatch_log_group._app_x_") == true)
    }

    @Test func edgesToResourcesNotDiscoveredAreDropped() {
        let c = live("aws_flow_log", "fl-1", "fl-1", edges: [.init(attribute: "vpc_id", type: "aws_vpc", id: "vpc-gone")])
        #expect(LiveAddressing.resources([c], account: "1").first?.references.isEmpty == true)
    }
}
