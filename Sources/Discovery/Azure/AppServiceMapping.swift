import Azure
import Model

/// App Service sites → `azurerm_linux_web_app`, `azurerm_windows_web_app`, `azurerm_linux_function_app` and
/// `azurerm_windows_function_app`, chosen by the site's `kind` as the four azurerm resources split them.
enum AppServiceMapping {
    /// The azurerm type of a site of `kind` (`app`, `app,linux`, `functionapp,linux`, …).
    static func type(kind: String?) -> String {
        let parts = Set((kind ?? "app").lowercased().split(separator: ",").map(String.init))
        let linux = parts.contains("linux")
        if parts.contains("functionapp") { return linux ? "azurerm_linux_function_app" : "azurerm_windows_function_app" }
        return linux ? "azurerm_linux_web_app" : "azurerm_windows_web_app"
    }

    /// Maps one site; `web` is its `config/web` read and `logs` its `config/logs` read (a failure leaves the block
    /// unknown). Authentication and basic-auth publishing settings are separate APIs not read here, so they are
    /// unknown rather than absent.
    static func site(_ o: ARMObject, web: Result<Value, AzureError>, logs: Result<Value, AzureError>) -> LiveResource {
        var a = o.baseAttributes
        a.put("https_only", o.bool("properties.httpsOnly") ?? false)
        a.put("client_certificate_enabled", o.bool("properties.clientCertEnabled") ?? false)
        a.put("public_network_access_enabled", o.string("properties.publicNetworkAccess") != "Disabled")
        a.put("service_plan_id", o.string("properties.serverFarmId"))
        a.put("default_hostname", o.string("properties.defaultHostName"))
        a.put("virtual_network_subnet_id", o.string("properties.virtualNetworkSubnetId"))
        if let identity = o.string("identity.type"), identity != "None" {
            a["identity"] = .list([.object(["type": .string(identity.replacingOccurrences(of: ",", with: ", "))])])
        }
        switch web {
        case .success(let value): a["site_config"] = .list([.object(siteConfig(ARMObject(value)))])
        case .failure: a["site_config"] = .unknown
        }
        switch logs {
        case .success(let value): a["logs"] = .list([.object(logBlock(ARMObject(value)))])
        case .failure: a["logs"] = .unknown
        }
        for name in [
            "auth_settings", "auth_settings_v2", "ftp_publish_basic_authentication_enabled",
            "webdeploy_publish_basic_authentication_enabled",
        ] {
            a[name] = .unknown
        }
        var draft = LiveResource(
            type: type(kind: o.string("kind")), armID: o.id, label: StorageMapping.label(o), region: o.location,
            attributes: a)
        draft.link("service_plan_id", to: o.string("properties.serverFarmId"))
        return draft
    }

    /// `site_config` from `config/web` (azurerm v4 names).
    static func siteConfig(_ c: ARMObject) -> [String: Value] {
        var s: [String: Value] = [:]
        s.put("minimum_tls_version", c.string("properties.minTlsVersion"))
        s.put("scm_minimum_tls_version", c.string("properties.scmMinTlsVersion"))
        s.put("ftps_state", c.string("properties.ftpsState"))
        s.put("http2_enabled", c.bool("properties.http20Enabled") ?? false)
        s.put("remote_debugging_enabled", c.bool("properties.remoteDebuggingEnabled") ?? false)
        s.put("always_on", c.bool("properties.alwaysOn"))
        s.put("health_check_path", c.string("properties.healthCheckPath").flatMap { $0.isEmpty ? nil : $0 })
        s.put("vnet_route_all_enabled", c.bool("properties.vnetRouteAllEnabled"))
        let origins = c.list("properties.cors.allowedOrigins").compactMap(\.stringValue)
        if c["properties.cors"] != nil {
            var cors: [String: Value] = ["allowed_origins": .list(origins.map(Value.string))]
            cors.put("support_credentials", c.bool("properties.cors.supportCredentials"))
            s["cors"] = .list([.object(cors)])
        }
        return s
    }

    /// `logs` from `config/logs`: a disabled log is an absent block, as in Terraform.
    static func logBlock(_ c: ARMObject) -> [String: Value] {
        var l: [String: Value] = [:]
        l.put("detailed_error_messages", c.bool("properties.detailedErrorMessages.enabled") ?? false)
        l.put("failed_request_tracing", c.bool("properties.failedRequestsTracing.enabled") ?? false)
        var http: [String: Value] = [:]
        if c.bool("properties.httpLogs.fileSystem.enabled") == true {
            var fs: [String: Value] = [:]
            fs.put("retention_in_days", c.number("properties.httpLogs.fileSystem.retentionInDays"))
            fs.put("retention_in_mb", c.number("properties.httpLogs.fileSystem.retentionInMb"))
            http["file_system"] = .list([.object(fs)])
        }
        if c.bool("properties.httpLogs.azureBlobStorage.enabled") == true {
            var blob: [String: Value] = [:]
            blob.put("retention_in_days", c.number("properties.httpLogs.azureBlobStorage.retentionInDays"))
            http["azure_blob_storage"] = .list([.object(blob)])
        }
        if !http.isEmpty { l["http_logs"] = .list([.object(http)]) }
        return l
    }
}
