import CFuzzDriver
import HCL

/// libFuzzer entry: the native parser, the JSON syntax and the template parser must never crash or hang on any bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHCLParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let limits = ParserLimits(maxFileSize: 1 << 20, maxDepth: 64)
    let file = HCLParser.parse(bytes, filename: "fuzz.tf", limits: limits)
    // Walk the result so a malformed AST (bad ranges) would be touched.
    for attribute in file.body.attributes { _ = attribute.expression.traversals.count }
    _ = HCLParser.parseTemplate(bytes, filename: "fuzz.tftpl", limits: limits)
    _ = HCLParser.parseExpression(bytes, filename: "fuzz.expr", limits: limits)
    _ = HCLJSONSyntax.parse(bytes, filename: "fuzz.tf.json", schema: .terraform, maxDepth: 64)
    return 0
}

/// The executable's entry point under the name SwiftPM links as `main`.
@_cdecl("FuzzHCLParser_main")
public func fuzzHCLParserMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzzHCLParser(data, size)
    }
}
