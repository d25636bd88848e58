import Model
import Testing

@testable import Discovery

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
        let forward = LiveAddressing.aws.resources([a, b, c], account: "1")
        let backward = LiveAddressing.aws.resources([c, b, a], account: "1")
        #expect(forward.map(\.address) == backward.map(\.address))
        #expect(Set(forward.map(\.address)).count == 3)
        let flow = forward.first { $0.type == "aws_flow_log" }
        let target = forward.first { if case .live(let o) = $0.origin { return o.id == "arn:b" } else { return false } }
        #expect(flow?.references.first?.target == target?.address)
        #expect(target?.address.hasPrefix("aws_cloudwatch_log_group._app_x_") == true)
    }

    @Test func edgesToResourcesNotDiscoveredAreDropped() {
        let c = live("aws_flow_log", "fl-1", "fl-1", edges: [.init(attribute: "vpc_id", type: "aws_vpc", id: "vpc-gone")])
        #expect(LiveAddressing.aws.resources([c], account: "1").first?.references.isEmpty == true)
    }

    func arm(_ type: String, _ armID: String, _ label: String, link: String? = nil) -> LiveResource {
        var resource = LiveResource(type: type, armID: armID, label: label, region: "westeurope", attributes: [:])
        resource.link("target", to: link)
        return resource
    }

    @Test func azureNamesAreLowerCaseAndCollisionsAreNumberedInARMIDOrder() {
        let b = arm("azurerm_storage_account", "/subscriptions/s/resourceGroups/rg/providers/x/B", "rg_Logs")
        let a = arm("azurerm_storage_account", "/subscriptions/s/resourceGroups/rg/providers/x/a", "rg_logs")
        let forward = LiveAddressing.azure.resources([b, a], account: "s")
        #expect(forward.map(\.address) == LiveAddressing.azure.resources([a, b], account: "s").map(\.address))
        #expect(forward.map(\.address) == ["azurerm_storage_account.rg_logs", "azurerm_storage_account.rg_logs_2"])
        #expect(forward.first?.provider == "azurerm")
        #expect(LiveAddressing.terraformName("9 Lives") == "r_9_lives")
        #expect(LiveAddressing.terraformName("") == "unnamed")
    }

    @Test func azureLinksResolveByARMIDWhateverItsCase() {
        let group = arm("azurerm_network_security_group", "/subscriptions/s/resourceGroups/RG/providers/n/NSG", "rg_nsg")
        let rule = arm(
            "azurerm_network_security_rule", "/subscriptions/s/resourceGroups/rg/providers/n/nsg/securityRules/r",
            "rg_nsg_r", link: "/subscriptions/s/resourcegroups/rg/providers/n/nsg")
        let resources = LiveAddressing.azure.resources([rule, group], account: "s")
        let reference = resources.first { $0.type == "azurerm_network_security_rule" }?.references.first
        #expect(reference?.target == "azurerm_network_security_group.rg_nsg")
        #expect(resources.first?.attributes["id"] == .string("/subscriptions/s/resourceGroups/RG/providers/n/NSG"))
    }
}
