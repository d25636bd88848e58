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
