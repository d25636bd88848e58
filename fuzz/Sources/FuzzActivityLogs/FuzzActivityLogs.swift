import Anomaly
import CFuzzDriver
import Foundation

/// The parser the fuzzer drives: small limits, so a decompression bomb or a huge record count is reported quickly.
let parser = LogParser(maxObjectBytes: 4 << 20, maxRecords: 10_000)

/// libFuzzer entry: a CloudTrail log file or an Azure Activity Log object (JSON, JSON Lines or gzip of either,
/// the shape detected from the bytes) must become events and a report, never a crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzActivityLogs(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    let (events, report) = parser.parse(bytes, key: "AWSLogs/123456789012/CloudTrail/us-east-1/2026/01/01/fuzz.json.gz")
    // Touch what the detector reads, so a malformed event would be noticed here.
    for event in events { _ = (event.time, event.action, event.principal) }
    _ = (report.issues.count, report.malformed)
    return 0
}

/// The executable's entry point under the name SwiftPM links as `main`.
@_cdecl("FuzzActivityLogs_main")
public func fuzzActivityLogsMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzzActivityLogs(data, size)
    }
}
