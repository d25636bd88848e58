import CGit2
import Foundation

/// libgit2's remote callbacks bound to one `GitOperation`: credentials with an attempt limit, certificate and
/// host-key checks, progress (which resets the stall timer and aborts past the deadline), and ref updates.
enum GitRemoteCallbacks {
    /// Callbacks whose payload is `operation`; the operation must outlive the libgit2 call.
    static func make(for operation: GitOperation) -> git_remote_callbacks {
        var callbacks = git_remote_callbacks()
        git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION))
        callbacks.payload = Unmanaged.passUnretained(operation).toOpaque()
        callbacks.credentials = { out, url, userFromURL, allowed, payload in
            GitRemoteCallbacks.credentials(out, userFromURL, allowed, GitRemoteCallbacks.op(payload))
        }
        callbacks.certificate_check = { cert, valid, host, payload in
            GitRemoteCallbacks.certificateCheck(cert, valid != 0, host, GitRemoteCallbacks.op(payload))
        }
        callbacks.transfer_progress = { _, payload in GitRemoteCallbacks.progress(payload) }
        callbacks.pack_progress = { _, _, _, payload in GitRemoteCallbacks.progress(payload) }
        callbacks.push_transfer_progress = { _, _, _, payload in GitRemoteCallbacks.progress(payload) }
        callbacks.sideband_progress = { text, length, payload in
            if let text, length > 0 {
                let bytes = UnsafeRawBufferPointer(start: text, count: Int(length))
                GitRemoteCallbacks.op(payload).appendRemoteMessage(String(decoding: bytes, as: UTF8.self))
            }
            return GitRemoteCallbacks.progress(payload)
        }
        callbacks.update_tips = { name, _, _, payload in
            if let name { GitRemoteCallbacks.op(payload).updatedReferences.append(String(cString: name)) }
            return GitRemoteCallbacks.progress(payload)
        }
        callbacks.push_update_reference = { name, status, payload in
            if let status {
                let reference = name.map { String(cString: $0) } ?? "?"
                GitRemoteCallbacks.op(payload).pushRejections.append("\(reference): \(String(cString: status))")
            }
            return 0
        }
        return callbacks
    }

    fileprivate static func op(_ payload: UnsafeMutableRawPointer?) -> GitOperation {
        // The payload is always the operation `make` was given.
        Unmanaged<GitOperation>.fromOpaque(payload!).takeUnretainedValue()
    }

    fileprivate static func progress(_ payload: UnsafeMutableRawPointer?) -> Int32 {
        let operation = op(payload)
        if operation.shouldAbort() { return -1 }
        operation.noteProgress()
        return 0
    }

    private static func refuse(_ operation: GitOperation, _ message: String) -> Int32 {
        operation.authenticationFailure = message
        git_error_set_str(Int32(GIT_ERROR_NET.rawValue), message)
        return GIT_EAUTH.rawValue
    }

    private static func credentials(
        _ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>?, _ userFromURL: UnsafePointer<CChar>?,
        _ allowed: UInt32, _ operation: GitOperation
    ) -> Int32 {
        guard let out else { return -1 }
        if operation.shouldAbort() { return -1 }
        // libgit2 calls back after every rejected attempt; without a limit a wrong password loops forever.
        operation.credentialAttempts += 1
        let limit = operation.options.maxCredentialAttempts
        if operation.credentialAttempts > limit {
            return refuse(operation, "the remote rejected the credentials (\(limit) attempts)")
        }
        let userPass = allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0
        switch operation.options.credentials {
        case .none:
            return refuse(operation, "the remote asked for credentials but none are configured")
        case .token(let token) where userPass:
            return git_credential_userpass_plaintext_new(out, "x-access-token", token)
        case .userPassword(let user, let password) where userPass:
            return git_credential_userpass_plaintext_new(out, user, password)
        case .sshKey(let user, let privateKey, let publicKey, let passphrase):
            if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0 {
                return git_credential_username_new(out, user)
            }
            if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
                return git_credential_ssh_key_new(out, user, publicKey, privateKey, passphrase)
            }
            return refuse(operation, "the remote does not accept SSH keys (allowed credential types \(allowed))")
        default:
            return refuse(operation, "the remote does not accept user/password credentials (allowed types \(allowed))")
        }
    }

    private static func certificateCheck(
        _ cert: UnsafeMutablePointer<git_cert>?, _ valid: Bool, _ host: UnsafePointer<CChar>?, _ operation: GitOperation
    ) -> Int32 {
        if operation.options.insecureSkipTLSVerify { return 0 }
        let hostName = host.map { String(cString: $0) } ?? "?"
        guard let cert else { return GIT_ECERTIFICATE.rawValue }
        guard cert.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 else {
            if valid { return 0 }
            return rejectCertificate(operation, "the TLS certificate of \(hostName) is not trusted")
        }
        let hostKey = UnsafeRawPointer(cert).assumingMemoryBound(to: git_cert_hostkey.self).pointee
        let path =
            operation.options.knownHostsPath
            ?? ProcessInfo.processInfo.environment["HOME"].map { $0 + "/.ssh/known_hosts" } ?? ""
        let knownHosts: KnownHosts
        do {
            knownHosts = try KnownHosts(path: path)
        } catch {
            return rejectCertificate(operation, "cannot verify the SSH host key of \(hostName): \(error.message)")
        }
        let verdict: KnownHosts.Verdict
        if hostKey.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0, let raw = hostKey.hostkey, hostKey.hostkey_len > 0 {
            let key = Data(bytes: raw, count: hostKey.hostkey_len)
            verdict = knownHosts.verify(host: hostName, port: operation.port, key: key)
        } else if hostKey.type.rawValue & GIT_CERT_SSH_SHA256.rawValue != 0 {
            let digest = withUnsafeBytes(of: hostKey.hash_sha256) { Data($0) }
            verdict = knownHosts.verify(host: hostName, port: operation.port, sha256: digest)
        } else {
            return rejectCertificate(operation, "libgit2 gave no usable host key for \(hostName)")
        }
        switch verdict {
        case .trusted: return 0
        case .unknownHost: return rejectCertificate(operation, "SSH host \(hostName) is not in \(path)")
        case .mismatch: return rejectCertificate(operation, "SSH host key of \(hostName) does not match \(path)")
        case .revoked: return rejectCertificate(operation, "SSH host key of \(hostName) is revoked in \(path)")
        }
    }

    private static func rejectCertificate(_ operation: GitOperation, _ message: String) -> Int32 {
        operation.certificateFailure = message
        git_error_set_str(Int32(GIT_ERROR_SSL.rawValue), message)
        return GIT_ECERTIFICATE.rawValue
    }
}
