import Foundation
import Testing

@testable import Scanner

@Suite struct RootModuleFinderTests {
    @Test func fixtureTreeHasTwoRootModules() {
        let roots = RootModuleFinder.find(in: fixturePath("tree")).map { ($0 as NSString).lastPathComponent }
        // app/modules/store is called by app, so it is not a root; legacy has a broken file but is still a root.
        #expect(roots == ["app", "legacy"])
    }

    @Test func hiddenDirectoriesAndLocallyCalledModulesAreNotRoots() throws {
        let dir = try temporaryDirectory([
            ".terraform/modules/x/main.tf": "resource \"aws_s3_bucket\" \"x\" {}\n",
            ".git/hooks/main.tf": "resource \"aws_s3_bucket\" \"x\" {}\n",
            "a/main.tf": "module \"s\" {\n  source = \"../shared\"\n}\n",
            "b/main.tf.json": "{\"module\": {\"n\": {\"source\": \"./net\"}}}\n",
            "b/net/main.tf": "resource \"aws_vpc\" \"v\" {}\n",
            "shared/main.tf": "resource \"aws_s3_bucket\" \"s\" {}\n",
            "c/main.tf": "module \"remote\" {\n  source = \"terraform-aws-modules/s3-bucket/aws\"\n}\n",
            "docs/readme.md": "not terraform\n",
        ])
        let roots = RootModuleFinder.find(in: dir).map { String($0.dropFirst(dir.count + 1)) }
        #expect(roots == ["a", "b", "c"])
    }

    @Test func aModuleCalledOnlyFromOutsideTheTreeIsARoot() throws {
        let dir = try temporaryDirectory([
            "caller/main.tf": "module \"m\" {\n  source = \"../lib/m\"\n}\n",
            "lib/m/main.tf": "resource \"aws_s3_bucket\" \"s\" {}\n",
        ])
        let lib = (dir as NSString).appendingPathComponent("lib")
        #expect(RootModuleFinder.find(in: lib) == [(lib as NSString).appendingPathComponent("m")])
    }

    @Test func interpolatedSourcesAreIgnored() throws {
        let dir = try temporaryDirectory([
            "a/main.tf": "module \"m\" {\n  source = \"./${var.x}\"\n}\n",
            "a/sub/main.tf": "resource \"aws_s3_bucket\" \"s\" {}\n",
        ])
        #expect(RootModuleFinder.find(in: dir).count == 2)
    }
}
