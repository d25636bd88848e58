import HCL
import Model

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads and parses the JSON files Terraform writes (plans, state), enforcing the load limits.
enum JSONInputFile {
    /// The file's bytes, or a diagnostic when it is missing, not a regular file, or over `maxFileSize`.
    static func read(path: String, maxFileSize: Int, in tree: any FileTree) -> Result<[UInt8], Diagnostic> {
        HCLParser.readFile(atPath: path, maxFileSize: maxFileSize, in: tree)
    }

    /// Parses the bytes as JSON within the size and depth limits; the diagnostic names the failing position.
    static func parse(_ bytes: [UInt8], filename: String, options: LoadOptions) -> Result<JSONNode, Diagnostic> {
        guard bytes.count <= options.inputFileLimit else {
            return .failure(tooLarge(filename, size: bytes.count, limit: options.inputFileLimit))
        }
        do {
            return .success(try JSONParser.parse(bytes, filename: filename, maxDepth: options.maxDepth))
        } catch {
            return .failure(error)
        }
    }

    private static func tooLarge(_ file: String, size: Int, limit: Int) -> Diagnostic {
        Diagnostic(.fileTooLarge, "File is \(size) bytes, larger than the limit of \(limit) bytes", at: .wholeFile(file))
    }
}
