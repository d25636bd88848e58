import CFuzzDriver
import Checks
import Foundation

/// libFuzzer entry: a check definition (YAML) from any bytes must compile or become a diagnostic with a location,
/// never a crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheckYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard let text = String(data: bytes, encoding: .utf8) else { return 0 }
    if case .success(let check) = CheckLoader.load(yaml: text, file: "fuzz-check.yaml") {
        _ = (check.id, check.resourceTypes.count)
    }
    return 0
}

/// The executable's entry point under the name SwiftPM links as `main`.
@_cdecl("FuzzCheckYAML_main")
public func fuzzCheckYAMLMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzzCheckYAML(data, size)
    }
}
