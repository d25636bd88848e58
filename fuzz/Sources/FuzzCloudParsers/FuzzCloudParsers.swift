import AWS
import CFuzzDriver
import CloudHTTP
import Foundation

/// libFuzzer entry: the two readers every cloud response goes through first — the XML reader of AWS's query and
/// rest-xml protocols and the JSON reader of AWS's JSON protocols and ARM — must return a tree or a typed error.
/// Each input goes through both.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCloudParsers(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = Data(UnsafeBufferPointer(start: data, count: size))
    _ = try? XMLNode.parse(body)
    _ = try? JSONBody.decode(body)
    return 0
}

/// The executable's entry point under the name SwiftPM links as `main`.
@_cdecl("FuzzCloudParsers_main")
public func fuzzCloudParsersMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzzCloudParsers(data, size)
    }
}
