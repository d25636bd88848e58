import Foundation
import Server
import Store
import TestSupport
import Testing

extension ServerTests {
    @Suite("TLS and the token commands")
    struct TLSAndCLITests {
        /// Runs a program; exit status, standard output and standard error apart.
        static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let output = out.fileHandleForReading.readDataToEndOfFile()
            let error = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
        }

        /// A child that talks to the server in this process, waited for off the cooperative pool (a blocked pool
        /// thread would starve the server that must answer it); stdout and stderr together.
        static func talk(_ executable: String, _ arguments: [String]) async throws -> Subprocess.Outcome {
            await try Subprocess(executable, arguments).wait()
        }

        @Test("HTTPS with a self-signed certificate made by openssl; a missing key stops the start")
        func tls() async throws {
            let directory = NSTemporaryDirectory() + "bulwark-tls-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let made = try Self.run(
                "/usr/bin/openssl",
                [
                    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", directory + "/key.pem", "-out", directory + "/cert.pem",
                ])
            #expect(made.status == 0, "\(made.err)")
            let server = try await ServerHarness.start(
                .sqlite,
                listen: .init(
                    host: "127.0.0.1", port: 0, tlsCertificate: directory + "/cert.pem", tlsKey: directory + "/key.pem"))
            defer { Task { await server.stop() } }
            let token = try #require(server.tokens[.viewer])
            let trusted = try await Self.talk(
                "/usr/bin/curl",
                [
                    "-sS", "--cacert", directory + "/cert.pem", "-H", "Authorization: Bearer \(token)",
                    "https://127.0.0.1:\(server.port)/api/v1/targets",
                ])
            #expect(trusted.exitCode == 0 && trusted.output.contains("\"infra\""), "\(trusted.output)")
            let plain = try await Self.talk("/usr/bin/curl", ["-sS", "http://127.0.0.1:\(server.port)/health/live"])
            #expect(plain.exitCode != 0 || !plain.output.contains("\"ok\""))
            let untrusted = try await Self.talk("/usr/bin/curl", ["-sS", "https://127.0.0.1:\(server.port)/health/live"])
            #expect(untrusted.exitCode != 0)

            let store = try await Store.open(.sqlite(path: directory + "/other.db"))
            defer { Task { await store.close() } }
            #expect(throws: ServeError.self) {
                _ = try BulwarkServer(environment: ServerEnvironment(store: store, targets: [])).application(
                    listen: .init(host: "127.0.0.1", port: 0, tlsCertificate: directory + "/cert.pem", tlsKey: directory + "/none.pem"))
            }
        }

        @Test("bulwark token create prints the token alone; list shows no secret; revoke ends it")
        func tokenCommands() async throws {
            let bulwark = try BuiltProduct.path("bulwark", override: "BULWARK_EXECUTABLE")
            let directory = NSTemporaryDirectory() + "bulwark-token-cli-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let database = "sqlite:" + directory + "/bulwark.db"
            let created = try Self.run(bulwark, ["token", "create", "--name", "ci", "--role", "operator", "--database", database])
            #expect(created.status == 0)
            let token = created.out.trimmingCharacters(in: .newlines)
            #expect(token.hasPrefix(TokenSecret.prefix) && !token.contains("\n") && created.out.split(separator: "\n").count == 1)
            let again = try Self.run(bulwark, ["token", "create", "--name", "ci", "--role", "viewer", "--database", database])
            #expect(again.status == 1 && again.out.isEmpty && again.err.contains("already exists"))
            let badRole = try Self.run(bulwark, ["token", "create", "--name", "x", "--role", "root", "--database", database])
            #expect(badRole.status != 0 && badRole.out.isEmpty)
            let list = try Self.run(bulwark, ["token", "list", "--database", database])
            #expect(list.status == 0 && list.out.contains("ci\toperator") && !list.out.contains(token))

            let store = try await Store.open(.sqlite(path: directory + "/bulwark.db"))
            #expect(try await store.token(hash: TokenSecret.hash(token))?.name == "ci")
            await store.close()
            let revoked = try Self.run(bulwark, ["token", "revoke", "ci", "--database", database])
            #expect(revoked.status == 0)
            #expect(try Self.run(bulwark, ["token", "revoke", "ci", "--database", database]).status == 1)
            let reopened = try await Store.open(.sqlite(path: directory + "/bulwark.db"))
            #expect(try await reopened.token(hash: TokenSecret.hash(token))?.revokedAt != nil)
            await reopened.close()
        }

        @Test("bulwark health: 0 when /health/live answers 200, 1 for a 503 readiness and for a closed port")
        func healthCommand() async throws {
            let bulwark = try BuiltProduct.path("bulwark", override: "BULWARK_EXECUTABLE")
            let server = try await ServerHarness.start(.sqlite)
            defer { Task { await server.stop() } }
            let live = try await Self.talk(bulwark, ["health", "--url", "http://127.0.0.1:\(server.port)", "--timeout", "60"])
            #expect(live.exitCode == 0 && live.output.contains("/health/live: 200"), "\(live.output)")
            // No loop runs beside the harness's server, so it is alive but not ready.
            let ready = try await Self.talk(
                bulwark, ["health", "--ready", "--url", "http://127.0.0.1:\(server.port)", "--timeout", "60"])
            #expect(ready.exitCode == 1 && ready.output.contains("/health/ready: 503"), "\(ready.output)")
            let closed = try await Self.talk(bulwark, ["health", "--url", "http://127.0.0.1:1", "--timeout", "2"])
            #expect(closed.exitCode == 1 && closed.output.contains("no answer"))
            let wrong = try await Self.talk(bulwark, ["health", "--url", "file:///etc/hostname"])
            #expect(wrong.exitCode == 2)
        }
    }
}
