import Foundation
import HCL
import Model
import Terraform
import Testing

/// Loading from a `MemoryFileTree` must give exactly what loading the same files from the disk gives.
///
/// The snapshot's root does not exist on the disk, so anything the loader still read from the disk would
/// show up as a difference (a missing file, a missing module, a different value).
@Suite struct MemoryFileTreeLoadTests {
    static let snapshotRoot = "/bulwark-snapshot-not-on-disk"

    /// Every file under the fixture directory `relative` (hidden ones included), keyed by its path relative to
    /// the fixture root, so the snapshot mirrors the fixture layout under `snapshotRoot`.
    static func snapshot(_ relative: [String]) throws -> MemoryFileTree {
        var files: [String: [UInt8]] = [:]
        for top in relative {
            let directory = FixturePaths.root + "/" + top
            let enumerator = try #require(FileManager.default.enumerator(atPath: directory))
            while let name = enumerator.nextObject() as? String {
                var isDirectory: ObjCBool = false
                let path = directory + "/" + name
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                files[top + "/" + name] = Array(try #require(FileManager.default.contents(atPath: path)))
            }
        }
        return MemoryFileTree(root: snapshotRoot, files: files)
    }

    /// A resource with the disk fixture root in its file names replaced by the snapshot root.
    static func rebased(_ resource: Resource) -> Resource {
        var copy = resource
        switch resource.origin {
        case .iac(let range): copy.origin = .iac(rebased(range))
        case .plan(let file, let source): copy.origin = .plan(file: rebased(file), source: source.map(rebased))
        case .state(let file): copy.origin = .state(file: rebased(file))
        case .live: break
        }
        return copy
    }

    static func rebased(_ diagnostic: Diagnostic) -> Diagnostic {
        var copy = diagnostic
        copy.message = diagnostic.message.replacingOccurrences(of: FixturePaths.root, with: snapshotRoot)
        copy.range = diagnostic.range.map(rebased)
        return copy
    }

    static func rebased(_ range: SourceRange) -> SourceRange {
        var copy = range
        copy.file = rebased(range.file)
        return copy
    }

    static func rebased(_ path: String) -> String {
        path.hasPrefix(FixturePaths.root) ? snapshotRoot + path.dropFirst(FixturePaths.root.count) : path
    }

    /// Loads `relative` (a path under the fixture root) from the disk and from a snapshot of `fixtures`.
    static func both(
        _ relative: String, snapshotting fixtures: [String], _ configure: (inout LoadOptions, String) -> Void = { _, _ in }
    ) throws -> (disk: TerraformInput, memory: TerraformInput) {
        var diskOptions = LoadOptions()
        configure(&diskOptions, FixturePaths.root)
        var memoryOptions = LoadOptions()
        memoryOptions.fileTree = try snapshot(fixtures)
        configure(&memoryOptions, snapshotRoot)
        let disk = TerraformInput.load(FixturePaths.root + "/" + relative, options: diskOptions)
        let memory = TerraformInput.load(snapshotRoot + "/" + relative, options: memoryOptions)
        return (disk, memory)
    }

    static func expectSame(_ loads: (disk: TerraformInput, memory: TerraformInput)) {
        #expect(loads.memory.kind == loads.disk.kind)
        #expect(loads.memory.resources == loads.disk.resources.map(rebased))
        #expect(loads.memory.diagnostics == loads.disk.diagnostics.map(rebased))
        #expect(loads.memory.files == loads.disk.files.map(rebased))
    }

    @Test(arguments: ["app", "overrides", "jsonmix", "broken", "cycle", "remote", "remote_missing", "selfcall"])
    func moduleLoadsTheSameFromMemory(_ name: String) throws {
        let loads = try Self.both("modules/" + name, snapshotting: ["modules/" + name])
        #expect(!loads.disk.resources.isEmpty || !loads.disk.diagnostics.isEmpty)
        Self.expectSame(loads)
    }

    @Test func localModulesAndTemplatefileAreReadFromTheSnapshot() throws {
        let loads = try Self.both("modules/app", snapshotting: ["modules/app"])
        let web = try #require(loads.memory.resources.first { $0.address == "aws_instance.web[1]" })
        #expect(web.attributes["user_data"] == .string("#!/bin/sh\necho \"node 1 in dev\"\n"))
        #expect(loads.memory.resources.contains { $0.address == "module.storage.aws_s3_bucket.this" })
        #expect(web.origin.sourceRange?.file == "main.tf")
        #expect(web.origin.sourceRange?.start.line == 34)
        #expect(loads.memory.diagnostics.filter { $0.severity == .error }.isEmpty, "\(loads.memory.diagnostics)")
    }

    @Test func tfvarsAutoTfvarsAndVarFilesFollowThePrecedenceFromMemory() throws {
        let loads = try Self.both("modules/precedence", snapshotting: ["modules/precedence"]) { options, root in
            options.varFiles = [root + "/modules/precedence/extra.tfvars"]
            options.environment = ["TF_VAR_from_env": "env"]
        }
        Self.expectSame(loads)
        let expected = #"{"auto":"auto","cli":"file","default":"default","env":"env","file":"file","list":[],"tfvars":"tfvars"}"#
        #expect(loads.memory.resources.first?.attributes["value"] == .string(expected))
    }

    @Test(arguments: ["plan/terraform-data/plan.json", "plan/aws/plan.json", "state/azure-aws.tfstate.json"])
    func planAndStateJSONLoadTheSameFromMemory(_ file: String) throws {
        let directory = (file as NSString).deletingLastPathComponent
        let loads = try Self.both(file, snapshotting: [directory])
        #expect(!loads.disk.resources.isEmpty)
        Self.expectSame(loads)
    }

    @Test func aPlanBesideItsSourcesIsMappedToThemInMemory() throws {
        let loads = try Self.both("plan/terraform-data/plan.json", snapshotting: ["plan/terraform-data"])
        let consumer = try #require(loads.memory.resources.first { $0.address == "terraform_data.consumer" })
        #expect(consumer.origin.sourceRange?.file == "main.tf")
        #expect(consumer.origin.sourceRange?.start.line == 7)
    }

    @Test(arguments: ["modules/nope", "plan/nope.json", "modules/app/nope.tf"])
    func aMissingPathGivesTheSameDiagnosticInMemory(_ missing: String) throws {
        let loads = try Self.both(missing, snapshotting: ["modules/app"])
        #expect(loads.memory.diagnostics.first?.code == .io)
        Self.expectSame(loads)
    }
}

/// Small configurations written both to a temporary directory and into a snapshot, loaded from each.
@Suite struct MemoryFileTreeFunctionTests {
    /// Loads `files(root)` as the root module `stack`, once from a fresh temporary directory `root` and once from a
    /// snapshot with the same root, after the directory is deleted: nothing can come from the disk the second time,
    /// and paths in messages are the same.
    static func both(
        maxFileSize: Int = LoadOptions().maxFileSize, _ files: (_ root: String) -> [String: String]
    ) throws -> (disk: LoadedConfiguration, memory: LoadedConfiguration) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vfs-\(UUID().uuidString)").path
        let contents = files(root)
        for (path, text) in contents {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        var options = LoadOptions()
        options.maxFileSize = maxFileSize
        let disk = ModuleLoader.load(directory: root + "/stack", options: options)
        try FileManager.default.removeItem(atPath: root)
        options.fileTree = MemoryFileTree(root: root, files: contents.mapValues { Array($0.utf8) })
        let memory = ModuleLoader.load(directory: root + "/stack", options: options)
        return (disk, memory)
    }

    @Test func fileFunctionsReadTheSnapshot() throws {
        let loads = try Self.both { _ in
            [
                "stack/main.tf": """
                resource "aws_s3_object" "o" {
                  content  = file("${path.module}/files/a.txt")
                  b64      = filebase64("${path.module}/files/a.txt")
                  sha      = filesha256("${path.module}/files/a.txt")
                  exists   = fileexists("${path.module}/files/a.txt")
                  absent   = fileexists("${path.module}/files/none.txt")
                  set      = fileset("${path.module}/files", "**/*.txt")
                  rendered = templatefile("${path.module}/files/t.tftpl", { name = "x" })
                }
                """,
                "stack/files/a.txt": "hello\n",
                "stack/files/sub/b.txt": "b",
                "stack/files/sub/c.json": "{}",
                "stack/files/t.tftpl": "name=${name}",
            ]
        }
        let disk = try #require(loads.disk.resources.first)
        let memory = try #require(loads.memory.resources.first)
        #expect(memory.attributes == disk.attributes)
        #expect(memory.attributes["content"] == .string("hello\n"))
        #expect(memory.attributes["b64"] == .string("aGVsbG8K"))
        #expect(memory.attributes["exists"] == .bool(true))
        #expect(memory.attributes["absent"] == .bool(false))
        #expect(memory.attributes["set"] == .set([.string("a.txt"), .string("sub/b.txt")]))
        #expect(memory.attributes["rendered"] == .string("name=x"))
        #expect(loads.memory.diagnostics.isEmpty, "\(loads.memory.diagnostics)")
        #expect(loads.disk.diagnostics.isEmpty, "\(loads.disk.diagnostics)")
    }

    @Test func aMissingFileOrModuleGivesTheSameDiagnosticsInMemory() throws {
        let loads = try Self.both { root in
            [
                "stack/main.tf": """
                resource "aws_s3_object" "o" {
                  content = file("\(root)/stack/missing.txt")
                  dir     = file("\(root)/stack/files")
                }
                module "gone" {
                  source = "./modules/gone"
                }
                """,
                "stack/files/x.txt": "x",
                "stack/terraform.tfvars": "undeclared = 1\n",
            ]
        }
        #expect(loads.disk.diagnostics.count >= 4, "\(loads.disk.diagnostics)")
        #expect(loads.memory.diagnostics == loads.disk.diagnostics)
        #expect(loads.memory.resources.first?.attributes["content"] == .unknown)
    }

    @Test func theSizeLimitHoldsInMemory() throws {
        let big = String(repeating: "# padding\n", count: 20)
        let loads = try Self.both(maxFileSize: 150) { root in
            [
                "stack/main.tf": "resource \"aws_s3_object\" \"o\" {\n  content = file(\"\(root)/stack/big.txt\")\n}\n",
                "stack/big.tf": big,
                "stack/big.txt": big,
            ]
        }
        let codes = loads.memory.diagnostics.map(\.code)
        #expect(codes.contains(.fileTooLarge), "\(loads.memory.diagnostics)")
        #expect(loads.memory.diagnostics.contains { $0.message.contains("larger than the 150 byte limit") })
        #expect(loads.memory.diagnostics == loads.disk.diagnostics)
    }

    @Test func theTreeAnswersLikeTheDisk() throws {
        let tree = MemoryFileTree(root: "/r", files: ["a/b.tf": Array("x".utf8), "/c.tf": []])
        #expect(tree.kind("/r") == .directory)
        #expect(tree.kind("a") == .directory)
        #expect(tree.kind("/r/a/../a/b.tf") == .file)
        #expect(tree.kind("/elsewhere/a/b.tf") == nil)
        #expect(tree.entries("/r")?.sorted() == ["a", "c.tf"])
        #expect(tree.entries("/r/a/b.tf") == nil)
        #expect(tree.read("a/b.tf", maxSize: 1) == .success(Array("x".utf8)))
        #expect(tree.read("a/b.tf", maxSize: 0) == .tooLarge(1))
        #expect(tree.read("a", maxSize: 10) == .failure("is a directory"))
        #expect(tree.read("/r/../a/b.tf", maxSize: 10) == .missing)
        #expect(tree.workingDirectory == "/r")
        let missing = HCLParser.readFile(atPath: "/r/none.tf", maxFileSize: 10, in: tree)
        let onDisk = HCLParser.readFile(atPath: "/bulwark-definitely-missing/none.tf", maxFileSize: 10)
        guard case .failure(let m) = missing, case .failure(let d) = onDisk else {
            Issue.record("expected failures, got \(missing) and \(onDisk)")
            return
        }
        #expect(m.code == d.code)
        #expect(m.message.replacingOccurrences(of: "/r/", with: "/bulwark-definitely-missing/") == d.message)
    }
}
