/// Output formats of the reports rendered from the store (`bulwark report -f`).
public enum StoredReportFormat: String, CaseIterable, Sendable {
    case json, markdown, html, csv
}
