import CFuzzDriver
import Checks
import ControllerConfig
import Drift
import Foundation

/// libFuzzer entry: the controller config and a security baseline (YAML), and a finding baseline (JSON), read from
/// any bytes must turn into a value or a typed error, never a crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzControllerConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    if let text = String(data: bytes, encoding: .utf8) {
        _ = try? ReconcileConfig.parse(text, file: "fuzz-bulwark.yaml")
        _ = try? SecurityBaselineLoader.load(yaml: text, file: "fuzz-baseline.yaml")
    }
    _ = try? FindingBaseline.read(bytes, file: "fuzz-baseline.json")
    return 0
}

/// The executable's entry point under the name SwiftPM links as `main`.
@_cdecl("FuzzControllerConfig_main")
public func fuzzControllerConfigMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzzControllerConfig(data, size)
    }
}
