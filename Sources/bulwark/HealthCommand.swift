import ArgumentParser
import CloudHTTP
import Foundation

/// `bulwark health`: asks a running `bulwark serve` whether it answers, so a container health check needs neither a
/// shell nor curl in the image.
struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Ask a running `bulwark serve` for /health/live (or /health/ready); exit 0 on 200, else 1.")

    @Option(name: .long, help: "The server's base URL.")
    var url: String = "http://127.0.0.1:8080"

    @Option(name: .long, help: "Seconds to wait for the answer.")
    var timeout: Int = 5

    @Flag(name: .long, help: "Ask /health/ready (database, loop, targets) instead of /health/live.")
    var ready = false

    func validate() throws {
        guard let base = URL(string: url), let scheme = base.scheme?.lowercased(), scheme == "http" || scheme == "https",
            base.host != nil
        else { throw ValidationError("--url must be an http:// or https:// URL with a host") }
        if timeout < 1 { throw ValidationError("--timeout takes a positive number of seconds") }
    }

    func run() async throws {
        guard let base = URL(string: url) else { throw ValidationError("--url must be an http:// or https:// URL") }
        let target = base.appendingPathComponent(ready ? "health/ready" : "health/live")
        let transport = URLSessionTransport(maxResponseBytes: 1 << 20, maxConnectionsPerHost: 1, connectTimeout: .seconds(timeout))
        do {
            let response = try await transport.send(
                HTTPRequest(method: "GET", url: target, api: "health"), timeout: .seconds(timeout))
            print("\(target.absoluteString): \(response.status)")
            if response.status != 200 { throw ExitCode(1) }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            print("\(target.absoluteString): no answer (\(error))")
            throw ExitCode(1)
        }
    }
}
