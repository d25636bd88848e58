import Foundation
import Model
import Testing

@testable import Drift

@Suite("State location and loading")
struct StateLocationTests {
    @Test("the s3 backend block gives the state object")
    func s3Backend() throws {
        let dir = try Support.tempDirectory()
        try Support.write(
            """
            terraform {
              required_version = ">= 1.5"
              backend "s3" {
                bucket = "acme-tfstate"
                key    = "prod/network.tfstate"
                region = "eu-west-1"
                encrypt = true
              }
            }
            resource "aws_s3_bucket" "b" { bucket = "x" }
            """, to: "main.tf", in: dir)
        let (location, diagnostics) = BackendConfigReader.stateLocation(directory: dir)
        #expect(diagnostics.isEmpty)
        #expect(location == .s3(bucket: "acme-tfstate", key: "prod/network.tfstate", region: "eu-west-1"))
        #expect(location?.description == "s3://acme-tfstate/prod/network.tfstate")
    }

    @Test("no backend means terraform.tfstate beside the configuration; local backend paths are honoured")
    func localBackends() throws {
        let dir = try Support.tempDirectory()
        try Support.write("resource \"aws_s3_bucket\" \"b\" {}\n", to: "main.tf", in: dir)
        #expect(BackendConfigReader.stateLocation(directory: dir).location == .local(path: dir + "/terraform.tfstate"))
        try Support.write("{\"terraform\": {\"backend\": {\"local\": {\"path\": \"state/dev.tfstate\"}}}}", to: "backend.tf.json", in: dir)
        #expect(BackendConfigReader.stateLocation(directory: dir).location == .local(path: dir + "/state/dev.tfstate"))
    }

    @Test("non-literal values, missing keys and other backends are diagnostics with positions")
    func badBackends() throws {
        let dir = try Support.tempDirectory()
        try Support.write("terraform {\n  backend \"s3\" {\n    bucket = var.b\n  }\n}\n", to: "main.tf", in: dir)
        let (location, diagnostics) = BackendConfigReader.stateLocation(directory: dir)
        #expect(location == nil)
        #expect(
            diagnostics.map(\.description) == [
                "\(dir)/main.tf:3:5: error: backend \"s3\" argument \"bucket\" must be a literal string",
                "\(dir)/main.tf:2:3: error: backend \"s3\" needs \"bucket\" and \"key\" in the configuration (partial configuration is not supported)",
            ])
        try Support.write("terraform {\n  backend \"azurerm\" {}\n}\n", to: "main.tf", in: dir)
        let other = BackendConfigReader.stateLocation(directory: dir)
        #expect(other.location == nil && other.diagnostics.first?.code == .invalidBackend)
    }

    @Test("--state argument forms")
    func parse() {
        #expect(StateLocation.parse("s3://b/k/x.tfstate", region: "us-east-1") == .s3(bucket: "b", key: "k/x.tfstate", region: "us-east-1"))
        #expect(StateLocation.parse("s3://b/envs/", region: "us-east-1") == .s3Prefix(bucket: "b", prefix: "envs/", region: "us-east-1"))
        #expect(StateLocation.parse("s3://b//") == nil)
        #expect(StateLocation.parse("s3://b") == nil)
        #expect(StateLocation.parse("s3:///k") == nil)
        #expect(StateLocation.parse("state.json") == .local(path: "state.json"))
    }

    struct FakeFetcher: StateObjectFetcher {
        struct Failure: Error, CustomStringConvertible { var description: String { "AccessDenied" } }
        let body: Data?
        func fetch(bucket: String, key: String, region: String?) async throws -> Data {
            guard bucket == "acme-tfstate", key == "prod.tfstate", let body else { throw Failure() }
            return body
        }
        func keys(bucket: String, prefix: String, region: String?) async throws -> [String] { throw Failure() }
    }

    /// States under a prefix: `network.tfstate` and `app.tfstate` hold resources, `broken.tfstate` cannot be
    /// fetched, other objects are not states.
    struct PrefixFetcher: StateObjectFetcher {
        struct Denied: Error, CustomStringConvertible { var description: String { "AccessDenied" } }
        let states: [String: String]
        func fetch(bucket: String, key: String, region: String?) async throws -> Data {
            guard let text = states[key] else { throw Denied() }
            return Data(text.utf8)
        }
        func keys(bucket: String, prefix: String, region: String?) async throws -> [String] {
            guard bucket == "acme-tfstate" else { throw Denied() }
            return (Array(states.keys) + ["envs/broken.tfstate", "envs/README.md"]).filter { $0.hasPrefix(prefix) }
        }
    }

    @Test("every .tfstate under an S3 prefix is merged; one that cannot be fetched is a diagnostic, not the end")
    func s3PrefixLoading() async {
        let fetcher = PrefixFetcher(states: ["envs/network.tfstate": DriftFixtures.state, "envs/app.tfstate": DriftFixtures.state])
        let location = StateLocation.s3Prefix(bucket: "acme-tfstate", prefix: "envs/", region: nil)
        let merged = await DesiredStateLoader.load(location, fetcher: fetcher)
        #expect(merged.resources.filter { $0.mode == .managed }.count == 8)
        #expect(
            Set(merged.resources.compactMap { if case .state(let file) = $0.origin { file } else { nil } }) == [
                "s3://acme-tfstate/envs/app.tfstate", "s3://acme-tfstate/envs/network.tfstate",
            ])
        #expect(
            merged.diagnostics.map(\.description) == [
                "s3://acme-tfstate/envs/broken.tfstate:1:1: error: cannot fetch the state object: AccessDenied"
            ])
        let empty = await DesiredStateLoader.load(.s3Prefix(bucket: "acme-tfstate", prefix: "none/", region: nil), fetcher: fetcher)
        #expect(empty.resources.isEmpty && empty.diagnostics.map(\.message) == ["no .tfstate object under this prefix"])
        let denied = await DesiredStateLoader.load(.s3Prefix(bucket: "other", prefix: "envs/", region: nil), fetcher: fetcher)
        #expect(denied.diagnostics.map(\.message) == ["cannot list the state objects: AccessDenied"])
    }

    @Test("an S3 state comes through the fetcher; failures are diagnostics naming the object")
    func s3Loading() async {
        let location = StateLocation.s3(bucket: "acme-tfstate", key: "prod.tfstate", region: "eu-west-1")
        let ok = await DesiredStateLoader.load(location, fetcher: FakeFetcher(body: Data(DriftFixtures.state.utf8)))
        #expect(ok.diagnostics.isEmpty)
        #expect(ok.resources.filter { $0.mode == .managed }.count == 4)
        #expect(ok.resources.allSatisfy { $0.origin == .state(file: "s3://acme-tfstate/prod.tfstate") })
        let denied = await DesiredStateLoader.load(location, fetcher: FakeFetcher(body: nil))
        #expect(denied.resources.isEmpty)
        #expect(
            denied.diagnostics.map(\.description) == [
                "s3://acme-tfstate/prod.tfstate:1:1: error: cannot fetch the state object: AccessDenied"
            ])
        let none = await DesiredStateLoader.load(location)
        #expect(none.diagnostics.first?.code == .stateFetch)
    }

    @Test("terraform show -json output of a state is read too; garbage is a state diagnostic")
    func shownState() {
        let shown = """
            {"format_version":"1.0","terraform_version":"1.11.0","values":{"root_module":{"resources":[
              {"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b",
               "provider_name":"registry.terraform.io/hashicorp/aws","schema_version":0,"values":{"id":"acme-b","bucket":"acme-b"}}]}}}
            """
        let read = DesiredStateLoader.read(Array(shown.utf8), filename: "show.json")
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics)")
        #expect(read.resources.map(\.address) == ["aws_s3_bucket.b"])
        #expect(read.resources.first?.attributes["id"] == "acme-b")
        let bad = DesiredStateLoader.read(Array("{\"version\": 3}".utf8), filename: "old.tfstate")
        #expect(bad.diagnostics.first?.code == .invalidState)
    }
}
