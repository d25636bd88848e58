import CFuzzDriver
import Terraform

/// libFuzzer entry: the plan and state readers must turn any bytes into diagnostics, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlanReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var options = LoadOptions()
    options.maxDepth = 64
    _ = PlanReader.read(bytes: bytes, filename: "fuzz-plan.json", options: options)
    _ = StateReader.read(bytes: bytes, filename: "fuzz-state.json", options: options)
    return 0
}

/// The executable's entry point under the name SwiftPM links as `main`.
@_cdecl("FuzzPlanReader_main")
public func fuzzPlanReaderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzzPlanReader(data, size)
    }
}
