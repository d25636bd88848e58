import ControllerConfig
import Foundation
import GitOps

extension TargetConfig {
    /// How the target's remote is reached: credentials resolved from their references, deadlines from the
    /// timeout, the CA bundle, known hosts and the plain-HTTP consent.
    public func remoteOptions(environment: [String: String]) throws(ReconcileError) -> GitRemoteOptions {
        var options = GitRemoteOptions()
        options.timeout = timeout
        options.caBundlePath = caBundle
        options.knownHostsPath = knownHosts
        options.allowInsecureHTTP = allowInsecureHTTP
        do throws(ConfigError) {
            switch credentials {
            case nil:
                break
            case .token(let secret)?:
                options.credentials = .token(try secret.resolve(environment: environment))
            case .basic(let user, let password)?:
                options.credentials = .userPassword(user: user, password: try password.resolve(environment: environment))
            case .sshKey(let user, let key, let passphrase)?:
                guard FileManager.default.isReadableFile(atPath: key) else {
                    throw ConfigError(.missingSecret, "SSH key file \(key) cannot be read")
                }
                options.credentials = .sshKey(
                    user: user, privateKeyPath: key, publicKeyPath: nil,
                    passphrase: try passphrase?.resolve(environment: environment))
            }
        } catch {
            throw ReconcileError(error)
        }
        return options
    }
}
