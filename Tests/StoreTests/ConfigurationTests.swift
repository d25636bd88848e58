import Foundation
import TestSupport
import Testing

@testable import Store

extension StoreTests {
    @Suite("Configuration")
    struct ConfigurationTests {
        @Test("URLs and environment choose the backend")
        func resolve() throws {
            let wd = "/work/repo"
            #expect(
                try StoreConfiguration.resolve(url: nil, environment: [:], workingDirectory: wd)
                    == .sqlite(path: "/work/repo/.bulwark/bulwark.db"))
            #expect(
                try StoreConfiguration.resolve(
                    url: nil, environment: ["BULWARK_HOME": "/var/lib/bulwark"],
                    workingDirectory: wd) == .sqlite(path: "/var/lib/bulwark/bulwark.db"))
            #expect(
                try StoreConfiguration.resolve(
                    url: nil, environment: ["BULWARK_DATABASE_URL": "postgres://u@h/db"],
                    workingDirectory: wd) == .postgres(conninfo: "postgres://u@h/db", poolSize: 4))
            #expect(
                try StoreConfiguration.resolve(
                    url: "", environment: ["BULWARK_DATABASE_URL": "x.db"],
                    workingDirectory: wd) == .sqlite(path: "/work/repo/.bulwark/bulwark.db"))
            #expect(
                try StoreConfiguration.resolve(url: "sqlite:data/b.db", environment: [:], workingDirectory: wd)
                    == .sqlite(path: "/work/repo/data/b.db"))
            #expect(
                try StoreConfiguration.resolve(url: "sqlite:///abs/b.sqlite", environment: [:], workingDirectory: wd)
                    == .sqlite(path: "/abs/b.sqlite"))
            #expect(
                try StoreConfiguration.resolve(url: "local.db", environment: [:], workingDirectory: wd)
                    == .sqlite(path: "/work/repo/local.db"))
            #expect(
                try StoreConfiguration.resolve(
                    url: "postgresql://h:5433/db?sslmode=require", environment: [:],
                    workingDirectory: wd)
                    == .postgres(conninfo: "postgresql://h:5433/db?sslmode=require", poolSize: 4))
            #expect(throws: StoreError.self) {
                try StoreConfiguration.resolve(url: "mysql://root:pw@h/db", environment: [:], workingDirectory: wd)
            }
        }

        @Test("connections get a 10 s connect timeout unless one is configured")
        func connectTimeout() {
            #expect(
                PostgresDatabase.withConnectTimeout("postgres://h/db", environment: [:])
                    == "postgres://h/db?connect_timeout=10")
            #expect(
                PostgresDatabase.withConnectTimeout("postgres://h/db?sslmode=require", environment: [:])
                    == "postgres://h/db?sslmode=require&connect_timeout=10")
            #expect(PostgresDatabase.withConnectTimeout("", environment: [:]) == "connect_timeout=10")
            #expect(PostgresDatabase.withConnectTimeout("host=h", environment: [:]) == "host=h connect_timeout=10")
            #expect(
                PostgresDatabase.withConnectTimeout("postgres://h/db?connect_timeout=3", environment: [:])
                    == "postgres://h/db?connect_timeout=3")
            #expect(
                PostgresDatabase.withConnectTimeout("postgres://h/db", environment: ["PGCONNECT_TIMEOUT": "5"])
                    == "postgres://h/db")
        }

        @Test("descriptions and errors never show the password")
        func redaction() async throws {
            let url = "postgres://admin:s3cret@db.example:5432/bulwark?sslmode=require&password=other"
            let description = StoreConfiguration.postgres(conninfo: url, poolSize: 4).redactedDescription
            #expect(description.contains("postgres://admin:***@db.example:5432/bulwark"))
            #expect(!description.contains("s3cret") && !description.contains("other"))
            #expect(redactURL("host=h user=u password=hunter2 dbname=d") == "host=h user=u password=*** dbname=d")
            do {
                let error = try StoreConfiguration.resolve(url: "mysql://root:pw1234@h/db", environment: [:], workingDirectory: "/")
                Issue.record("expected an error, got \(error)")
            } catch {
                #expect(!"\(error)".contains("pw1234"))
            }
            // A refused connection names the target, not the password.
            let server = try await PostgresTestServer.shared.start()
            do {
                let store = try await Store.open(
                    .postgres(
                        conninfo: "postgresql://bulwark:topsecret@127.0.0.1:\(server.port)/no_such_db", poolSize: 1))
                await store.close()
                Issue.record("connecting to a missing database should fail")
            } catch let error as StoreError {
                #expect(error.code == .connectionFailed)
                #expect(!error.description.contains("topsecret"))
                #expect(error.description.contains("no_such_db"))
            }
        }

        @Test("an empty postgres:// URL takes host, port, user and database from PG* variables; sslmode passes")
        func pgEnvironment() async throws {
            let url = try await PostgresTestServer.shared.createDatabase()
            let components = try #require(URLComponents(string: url))
            let tool = try Subprocess(
                try Fixture.toolPath(),
                [
                    "write-synthetic", "--url", "postgresql://?sslmode=disable", "--findings", "10", "--target", "env",
                ],
                environment: [
                    "PGHOST": components.host ?? "", "PGPORT": "\(components.port ?? 0)", "PGUSER": components.user ?? "",
                    "PGDATABASE": String(components.path.dropFirst()),
                ])
            let outcome = await tool.wait()
            #expect(outcome.succeeded, "\(outcome.output)")
            let store = try await Store.open(.postgres(conninfo: url, poolSize: 1))
            let latest = try await store.latestScan(target: "env")
            await store.close()
            #expect(latest?.findingCount == 10)
        }
    }
}
