import Foundation
import Model
import Terraform
import Testing

/// Terraform runs in the root module's directory, so the file functions resolve relative paths there, whatever
/// directory bulwark was started from; a file a build creates later makes the value unknown with a warning.
@Suite struct FileFunctionPathTests {
    @Test func relativePathsResolveAgainstTheRootModuleNotTheWorkingDirectory() throws {
        // The snapshot's working directory is its root, one level above the root module.
        let loaded = InlineModule.load([
            "stack/main.tf": #"""
            module "child" {
              source = "../modules/child"
            }
            resource "aws_iam_saml_provider" "this" {
              name                   = "idp"
              saml_metadata_document = file("saml-metadata.xml")
              digest                 = filemd5("saml-metadata.xml")
              present                = fileexists("saml-metadata.xml")
              listed                 = fileset(".", "*.xml")
              rendered               = templatefile("greeting.tftpl", { name = "bulwark" })
              module_path            = path.module
              root_path              = path.root
            }
            """#,
            "stack/saml-metadata.xml": "<md/>",
            "stack/greeting.tftpl": "hello ${name}",
            "modules/child/main.tf": #"""
            resource "aws_s3_object" "o" {
              key     = path.module
              content = file("${path.module}/payload.txt")
            }
            """#,
            "modules/child/payload.txt": "payload",
        ])
        #expect(InlineModule.errors(loaded).isEmpty, "\(loaded.diagnostics)")
        let provider = try InlineModule.resource(loaded, "aws_iam_saml_provider.this")
        #expect(provider.attributes["saml_metadata_document"] == .string("<md/>"))
        #expect(provider.attributes["digest"] == .string("be6fb66bd0fd9440c79ba9b62f8b0623"))
        #expect(provider.attributes["present"] == .bool(true))
        #expect(provider.attributes["listed"] == .set([.string("saml-metadata.xml")]))
        #expect(provider.attributes["rendered"] == .string("hello bulwark"))
        #expect(provider.attributes["module_path"] == .string("."))
        #expect(provider.attributes["root_path"] == .string("."))
        let object = try InlineModule.resource(loaded, "module.child.aws_s3_object.o")
        #expect(object.attributes["key"] == .string("../modules/child"))
        #expect(object.attributes["content"] == .string("payload"))
    }

    @Test func aMissingFileIsUnknownWithAWarningNamingWhereItIsRead() throws {
        let loaded = InlineModule.load([
            "stack/main.tf": #"""
            resource "aws_lambda_function" "f" {
              function_name    = "f"
              filename         = "build/lambda.zip"
              source_code_hash = filebase64sha256("build/lambda.zip")
              policy           = file("policy.json")
              fallback         = try(file("policy.json"), "none")
              readable         = can(file("policy.json"))
            }
            """#
        ])
        #expect(InlineModule.errors(loaded).isEmpty, "\(loaded.diagnostics)")
        let function = try InlineModule.resource(loaded, "aws_lambda_function.f")
        #expect(function.attributes["source_code_hash"] == .unknown)
        #expect(function.attributes["policy"] == .unknown)
        // Inside try and can a missing file is the error Terraform reports at plan, so the fallback applies.
        #expect(function.attributes["fallback"] == .string("none"))
        #expect(function.attributes["readable"] == .bool(false))
        let warnings = loaded.diagnostics.filter { $0.severity == .warning }
        let hash = try #require(warnings.first { $0.message.contains("lambda.zip") }, "\(loaded.diagnostics)")
        #expect(hash.range?.file == "main.tf")
        #expect(hash.range?.start.line == 4)
        #expect(hash.range?.start.column == 22)
        #expect(warnings.contains { $0.message.contains("policy.json") && $0.range?.start.line == 5 })
    }
}
