import Model
import Terraform
import Testing

/// Loads configurations written inline into a snapshot; a snapshot cannot depend on where the test runs.
enum InlineModule {
    static let root = "/inline-snapshot"

    /// Loads the root module `directory` (relative to the snapshot root) of `files` (relative paths → text).
    static func load(
        _ files: [String: String], directory: String = "stack", _ configure: (inout LoadOptions) -> Void = { _ in }
    )
        -> LoadedConfiguration
    {
        var options = LoadOptions()
        options.fileTree = MemoryFileTree(root: root, files: files.mapValues { Array($0.utf8) })
        configure(&options)
        return ModuleLoader.load(directory: root + "/" + directory, options: options)
    }

    static func errors(_ loaded: LoadedConfiguration) -> [Diagnostic] {
        loaded.diagnostics.filter { $0.severity == .error }
    }

    static func resource(_ loaded: LoadedConfiguration, _ address: String) throws -> Resource {
        try #require(loaded.resources.first { $0.address == address }, "no \(address) in \(loaded.resources.map(\.address))")
    }
}

/// Attributes a provider computes: without schemas, a reference to a resource attribute the configuration does not
/// set is unknown, never null or an error; what the configuration sets keeps its value.
@Suite struct ComputedAttributeTests {
    @Test func anUnsetResourceAttributeIsUnknownInFunctionsAndTemplates() throws {
        let loaded = InlineModule.load([
            "stack/main.tf": #"""
            variable "ipv6" {
              type    = string
              default = null
            }
            resource "aws_vpc" "this" {
              count           = 1
              cidr_block      = "10.0.0.0/16"
              ipv6_cidr_block = var.ipv6
            }
            data "aws_region" "current" {}
            resource "aws_launch_template" "this" {
              count = 1
              name  = "lt"
            }
            resource "aws_subnet" "a" {
              vpc_id          = aws_vpc.this[0].id
              cidr_block      = cidrsubnet(aws_vpc.this[0].cidr_block, 8, 1)
              ipv6_cidr_block = cidrsubnet(aws_vpc.this[0].ipv6_cidr_block, 8, 1)
              tags = {
                Arn     = "arn:aws:ec2:${data.aws_region.current.region}:123:vpc"
                Version = coalesce(null, try(aws_launch_template.this[0].default_version, "$Default"))
                Name    = aws_launch_template.this[0].name
              }
            }
            """#
        ])
        #expect(InlineModule.errors(loaded).isEmpty, "\(loaded.diagnostics)")
        let subnet = try InlineModule.resource(loaded, "aws_subnet.a")
        #expect(subnet.attributes["cidr_block"] == .string("10.0.1.0/24"))
        // Set to null in the configuration means unset: the provider may compute it.
        #expect(subnet.attributes["ipv6_cidr_block"] == .unknown)
        #expect(subnet.attributes["vpc_id"] == .unknown)
        #expect(subnet.attributes["tags"]?["Arn"] == .unknown)
        #expect(subnet.attributes["tags"]?["Version"] == .unknown)
        #expect(subnet.attributes["tags"]?["Name"] == .string("lt"))
        // The checked resource keeps what its configuration says: null stays null there.
        #expect(try InlineModule.resource(loaded, "aws_vpc.this[0]").attributes["ipv6_cidr_block"] == .null)
    }

    @Test func aNestedBlockTheConfigurationDoesNotWriteIsUnknown() throws {
        let loaded = InlineModule.load([
            "stack/main.tf": #"""
            variable "kubelet_identity" {
              type    = object({ client_id = string, object_id = string })
              default = null
            }
            resource "azurerm_kubernetes_cluster" "main" {
              name = "aks"
              dynamic "kubelet_identity" {
                for_each = var.kubelet_identity == null ? [] : [var.kubelet_identity]
                content {
                  client_id = kubelet_identity.value.client_id
                  object_id = kubelet_identity.value.object_id
                }
              }
              default_node_pool {
                name = "default"
              }
            }
            resource "azurerm_role_assignment" "acr" {
              principal_id = azurerm_kubernetes_cluster.main.kubelet_identity[0].object_id
              scope        = azurerm_kubernetes_cluster.main.identity[0].principal_id
              description  = azurerm_kubernetes_cluster.main.default_node_pool[0].name
              condition    = azurerm_kubernetes_cluster.main.default_node_pool[0].vm_size
            }
            """#
        ])
        #expect(InlineModule.errors(loaded).isEmpty, "\(loaded.diagnostics)")
        let assignment = try InlineModule.resource(loaded, "azurerm_role_assignment.acr")
        #expect(assignment.attributes["principal_id"] == .unknown)
        #expect(assignment.attributes["scope"] == .unknown)
        #expect(assignment.attributes["description"] == .string("default"))
        #expect(assignment.attributes["condition"] == .unknown)
        // Checks still see the block the configuration generated: none.
        #expect(try InlineModule.resource(loaded, "azurerm_kubernetes_cluster.main").attributes["kubelet_identity"] == .list([]))
    }

    @Test func resourceObjectsStayOpenThroughLocalsForSplatsAndEach() throws {
        let loaded = InlineModule.load([
            "stack/main.tf": #"""
            resource "aws_subnet" "s" {
              count      = 2
              cidr_block = "10.0.${count.index}.0/24"
            }
            locals {
              first   = aws_subnet.s[0]
              ids     = [for s in aws_subnet.s : s.id]
              splat   = aws_subnet.s[*].arn
              derived = { cidr = aws_subnet.s[0].cidr_block }
            }
            resource "aws_route_table_association" "a" {
              for_each  = { for i, s in aws_subnet.s : tostring(i) => s }
              subnet_id = each.value.id
              cidr      = each.value.cidr_block
            }
            output "first_id" { value = local.first.id }
            output "ids" { value = local.ids }
            output "splat" { value = local.splat }
            output "derived_missing" { value = try(local.derived.id, "fallback") }
            """#
        ])
        #expect(InlineModule.errors(loaded).isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.outputs["first_id"] == .unknown)
        #expect(loaded.outputs["ids"] == .tuple([.unknown, .unknown]))
        #expect(loaded.outputs["splat"] == .tuple([.unknown, .unknown]))
        // An object built from a resource's values is an ordinary object: its missing attribute is an error.
        #expect(loaded.outputs["derived_missing"] == .string("fallback"))
        let association = try InlineModule.resource(loaded, #"aws_route_table_association.a["1"]"#)
        #expect(association.attributes["subnet_id"] == .unknown)
        #expect(association.attributes["cidr"] == .string("10.0.1.0/24"))
    }

    @Test func tryFallsBackOnAMissingAttributeOfAKnownObjectButNotOfAResource() throws {
        let loaded = InlineModule.load([
            "stack/main.tf": #"""
            variable "settings" {
              type    = any
              default = { name = "x", nested = { a = 1 } }
            }
            locals {
              config = { enabled = true }
            }
            resource "aws_s3_bucket" "b" {
              bucket = "b"
            }
            output "var_missing" { value = try(var.settings.missing, "fb") }
            output "nested_missing" { value = try(var.settings.nested.b, 2) }
            output "local_missing" { value = try(local.config.missing, false) }
            output "null_attribute" { value = try(var.settings.none.x, "null-fb") }
            output "present" { value = try(var.settings.name, "fb") }
            output "computed" { value = try(aws_s3_bucket.b.arn, "fb") }
            output "set" { value = try(aws_s3_bucket.b.bucket, "fb") }
            output "can_missing" { value = can(local.config.missing) }
            """#
        ])
        #expect(InlineModule.errors(loaded).isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.outputs["var_missing"] == .string("fb"))
        #expect(loaded.outputs["nested_missing"] == .number(2))
        #expect(loaded.outputs["local_missing"] == .bool(false))
        #expect(loaded.outputs["null_attribute"] == .string("null-fb"))
        #expect(loaded.outputs["present"] == .string("x"))
        #expect(loaded.outputs["computed"] == .unknown)
        #expect(loaded.outputs["set"] == .string("b"))
        #expect(loaded.outputs["can_missing"] == .bool(false))
    }

    @Test func aMissingAttributeOfAKnownObjectOutsideTryIsAnError() {
        let loaded = InlineModule.load([
            "stack/main.tf": #"""
            locals {
              config = { enabled = true }
            }
            output "o" { value = local.config.missing }
            """#
        ])
        #expect(InlineModule.errors(loaded).contains { $0.message.contains("does not have an attribute named \"missing\"") })
    }

    @Test func ephemeralResourcesAreDeclaredTheirValuesFlowAndTheyAreNotResources() throws {
        let loaded = InlineModule.load([
            "stack/main.tf": #"""
            ephemeral "azurerm_key_vault_secret" "key" {
              name         = "cmk"
              key_vault_id = "kv-1"
            }
            resource "azurerm_storage_account" "sa" {
              name         = "sa"
              key_name     = ephemeral.azurerm_key_vault_secret.key.name
              key_value    = ephemeral.azurerm_key_vault_secret.key.value
            }
            """#
        ])
        #expect(InlineModule.errors(loaded).isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.resources.map(\.address) == ["azurerm_storage_account.sa"])
        let account = try InlineModule.resource(loaded, "azurerm_storage_account.sa")
        #expect(account.attributes["key_name"] == .string("cmk"))
        #expect(account.attributes["key_value"] == .unknown)
    }
}
