#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HCL
import Model

/// Reads and parses the JSON files Terraform writes (plans, state), enforcing the load limits.
enum JSONInputFile {
    /// The file's bytes, or a diagnostic when it is missing, not a regular file, or over `maxFileSize`.
    static func read(path: String, maxFileSize: Int) -> Result<[UInt8], Diagnostic> {
        let manager = FileManager.default
        guard let attributes = try? manager.attributesOfItem(atPath: path) else {
            return .failure(Diagnostic(.io, "File not found or not readable", at: .wholeFile(path)))
        }
        if let type = attributes[.type] as? FileAttributeType, type == .typeDirectory {
            return .failure(Diagnostic(.io, "Expected a file but found a directory", at: .wholeFile(path)))
        }
        // Check the size before reading so a huge file is never loaded into memory.
        if let size = fileSize(attributes[.size]), size > maxFileSize {
            return .failure(tooLarge(path, size: size, limit: maxFileSize))
        }
        guard let data = manager.contents(atPath: path) else {
            return .failure(Diagnostic(.io, "File could not be read", at: .wholeFile(path)))
        }
        // The file may have grown between the size check and the read.
        guard data.count <= maxFileSize else { return .failure(tooLarge(path, size: data.count, limit: maxFileSize)) }
        return .success([UInt8](data))
    }

    /// Parses the bytes as JSON within the size and depth limits; the diagnostic names the failing position.
    static func parse(_ bytes: [UInt8], filename: String, options: LoadOptions) -> Result<JSONNode, Diagnostic> {
        guard bytes.count <= options.maxFileSize else {
            return .failure(tooLarge(filename, size: bytes.count, limit: options.maxFileSize))
        }
        do {
            return .success(try JSONParser.parse(bytes, filename: filename, maxDepth: options.maxDepth))
        } catch {
            return .failure(error)
        }
    }

    /// The size attribute, whose boxed integer type differs between Foundation implementations.
    private static func fileSize(_ value: Any?) -> Int? {
        if let n = value as? Int { return n }
        if let n = value as? UInt64 { return Int(clamping: n) }
        if let n = value as? Int64 { return Int(clamping: n) }
        return nil
    }

    private static func tooLarge(_ file: String, size: Int, limit: Int) -> Diagnostic {
        Diagnostic(.fileTooLarge, "File is \(size) bytes, over the \(limit)-byte limit", at: .wholeFile(file))
    }
}
