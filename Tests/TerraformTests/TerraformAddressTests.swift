import HCL
import Model
import Testing

@testable import Terraform

@Suite struct TerraformAddressTests {
    @Test func splitsModulePaths() {
        #expect(TerraformAddress.modulePath("") == [])
        #expect(TerraformAddress.modulePath(#"module.a.module.b["k"]"#) == ["module.a", #"module.b["k"]"#])
        #expect(TerraformAddress.modulePath(#"module.a[0].module.b["x.y"]"#) == ["module.a[0]", #"module.b["x.y"]"#])
        #expect(TerraformAddress.modulePath("module.a.aws_s3_bucket.b") == nil)
        #expect(TerraformAddress.modulePath("module.") == nil)
        #expect(TerraformAddress.modulePath(#"module.a["unterminated"#) == nil)
    }

    @Test func parsesReferenceSteps() {
        #expect(
            TerraformAddress.steps(#"aws_instance.web["a\"b"].tags.Name"#) == [
                .name("aws_instance"), .name("web"), .key(.string(#"a"b"#)), .name("tags"), .name("Name"),
            ])
        #expect(TerraformAddress.steps("aws_instance.web[12].id") == [.name("aws_instance"), .name("web"), .key(.int(12)), .name("id")])
        #expect(TerraformAddress.steps("a..b") == nil)
        #expect(TerraformAddress.steps("a.") == nil)
        #expect(TerraformAddress.steps("a[x]") == nil)
        #expect(TerraformAddress.steps("") == nil)
        #expect(TerraformAddress.configPath([#"module.a["k"]"#, "module.b[0]", "module.c"]) == ["module.a", "module.b", "module.c"])
    }

    @Test func providerLocalNames() {
        #expect(TerraformAddress.providerLocalName("registry.terraform.io/hashicorp/aws") == "aws")
        #expect(TerraformAddress.providerLocalName("terraform.io/builtin/terraform") == "terraform")
        #expect(TerraformAddress.providerLocalName(#"provider["registry.terraform.io/hashicorp/azurerm"].secondary"#) == "azurerm")
        #expect(TerraformAddress.providerLocalName(#"module.m.provider["registry.terraform.io/hashicorp/google"]"#) == "google")
        #expect(TerraformAddress.providerLocalName("provider.aws.east") == "aws")
        #expect(TerraformAddress.providerLocalName("aws") == "aws")
    }

    @Test func unknownOverlay() throws {
        let unknown = try JSONParser.parse(
            #"{"a": true, "b": {"c": true, "d": {}}, "e": [false, {"f": true}], "g": {}}"#, filename: "u.json")
        let value = Value.object(["b": .object(["x": .number(1)]), "e": .list([.string("k")]), "g": .string("kept")])
        #expect(
            TerraformJSONValue.applyingUnknown(value, unknown)
                == .object([
                    "a": .unknown,
                    "b": .object(["x": .number(1), "c": .unknown]),
                    "e": .list([.string("k"), .object(["f": .unknown])]),
                    "g": .string("kept"),
                ]))
        let nothing = try JSONParser.parse(#"{"a": {}, "b": [false]}"#, filename: "n.json")
        #expect(TerraformJSONValue.overlayUnknown(.null, nothing) == nil)
    }
}
