import ArgumentParser
import Foundation
import Model
import Server
import Store

/// `bulwark token`: API tokens for `bulwark serve`.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create, list and revoke API tokens (roles: viewer < approver < operator < admin).",
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token and print it alone on standard output: it is shown only this once.")
        @Option(help: "The token's name (recorded as the actor of what it does).") var name: String
        @Option(help: "viewer, approver, operator or admin.") var role: String
        @OptionGroup var store: StoreOption

        func validate() throws {
            guard AccessRole(rawValue: role) != nil else {
                throw ValidationError("--role must be one of \(AccessRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            do { try TokenIssuer.validate(name: name) } catch { throw ValidationError("--name \(error.message)") }
        }

        func run() async throws {
            let opened = try await store.open()
            defer { Task { await opened.close() } }
            do {
                let (_, token) = try await TokenIssuer.issue(name: name, role: AccessRole(rawValue: role) ?? .viewer, store: opened)
                print(token)
            } catch let error as APIError {
                FileHandle.standardError.write(Data("Error: \(error.message)\n".utf8))
                throw ExitCode(error.code == .conflict ? 1 : 2)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens: name, role, created, revoked.")
        @OptionGroup var store: StoreOption

        func run() async throws {
            let opened = try await store.open(mustExist: true)
            let tokens = try await opened.tokens()
            await opened.close()
            let formatter = ISO8601DateFormatter()
            print("NAME\tROLE\tCREATED\tREVOKED")
            for token in tokens {
                print(
                    "\(token.name)\t\(token.role.rawValue)\t\(formatter.string(from: token.createdAt))\t"
                        + (token.revokedAt.map { formatter.string(from: $0) } ?? "-"))
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a token: it authenticates nothing from now on (a running server refuses it within 5 s).")
        @Argument(help: "The token's name.") var name: String
        @OptionGroup var store: StoreOption

        func run() async throws {
            let opened = try await store.open(mustExist: true)
            let revoked = try await opened.revokeToken(name: name, at: Date())
            await opened.close()
            guard revoked else {
                FileHandle.standardError.write(Data("Error: no active token named \(name)\n".utf8))
                throw ExitCode(1)
            }
            print("token \(name): revoked")
        }
    }
}
