import Foundation
import Model
import Reports

/// Writes a report to a file: JSON streamed in pieces (large scans), other formats whole, through `OutputFile`, so
/// a reader never sees half a report and a device, FIFO or symbolic link given as the target stays what it is.
enum ReportWriter {
    static func write(
        _ format: ReportFormat, _ report: ScanReport, scanRoot: String, sourceRoot: String? = nil,
        export: ExportContext = ExportContext(), toFile path: String
    ) throws(OutputFileError) {
        try OutputFile(path: path).write { (emit) throws(OutputFileError) in
            var failure: OutputFileError?
            if format == .json {
                JSONReport.write(report) { text in
                    guard failure == nil else { return }
                    do throws(OutputFileError) { try emit(Array(text.utf8)[...]) } catch { failure = error }
                }
            } else {
                try emit(Array(format.render(report, color: false, scanRoot: scanRoot, sourceRoot: sourceRoot, export: export).utf8)[...])
            }
            if let failure { throw failure }
        }
    }
}
