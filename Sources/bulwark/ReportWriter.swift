import Foundation
import Reports

/// Writes a report to a file: JSON streamed in pieces (large scans), other formats whole; into a temporary file
/// renamed over the target, so a reader never sees half a report.
enum ReportWriter {
    struct WriteError: Error, LocalizedError {
        var errorDescription: String?
    }

    static func write(
        _ format: ReportFormat, _ report: ScanReport, scanRoot: String, sourceRoot: String? = nil,
        toFile path: String
    ) throws {
        let temporary = path + ".bulwark-tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw WriteError(errorDescription: "cannot create \(temporary)")
        }
        var failure: (any Error)?
        let emit: (String) -> Void = { text in
            guard failure == nil else { return }
            do { try handle.write(contentsOf: Data(text.utf8)) } catch { failure = error }
        }
        if format == .json {
            JSONReport.write(report, to: emit)
        } else {
            emit(format.render(report, color: false, scanRoot: scanRoot, sourceRoot: sourceRoot))
        }
        try handle.close()
        if let failure {
            try? FileManager.default.removeItem(atPath: temporary)
            throw failure
        }
        if rename(temporary, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw WriteError(errorDescription: String(cString: strerror(errno)))
        }
    }
}
