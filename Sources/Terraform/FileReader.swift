import Foundation
import Model

/// Reads whole files with a size cap checked before reading, so a huge file costs a stat, not memory.
enum FileReader {
    static func read(_ path: String, display: String, maxSize: Int) -> Result<[UInt8], Diagnostic> {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            return .failure(Diagnostic(.io, "Cannot read file: \(error.localizedDescription)", at: .wholeFile(display)))
        }
        if let size = attributes[.size] as? Int, size > maxSize {
            return .failure(Diagnostic(.fileTooLarge, "File is \(size) bytes, larger than the limit of \(maxSize) bytes", at: .wholeFile(display)))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Diagnostic(.io, "Cannot read file", at: .wholeFile(display)))
        }
        if data.count > maxSize {
            return .failure(Diagnostic(.fileTooLarge, "File is \(data.count) bytes, larger than the limit of \(maxSize) bytes", at: .wholeFile(display)))
        }
        return .success([UInt8](data))
    }
}
