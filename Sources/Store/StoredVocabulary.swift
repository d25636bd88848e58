/// Reads the shared vocabulary (severity, verdict, control status, origin) back from the raw strings the store
/// keeps. A string this build does not know is an error, never a guess: guessing a severity or a verdict would
/// misreport a finding.
enum StoredVocabulary {
    /// The value whose raw string is `text`, for column `column` of a row read through `dialect`.
    static func decode<T: RawRepresentable>(
        _ text: String?, as type: T.Type, column: String,
        dialect: SQLDialect
    ) throws -> T where T.RawValue == String {
        guard let text, let value = T(rawValue: text) else {
            throw StoreError(
                .invalidData, "unknown \(column) \(text.map { "'\($0)'" } ?? "NULL") in a stored row",
                backend: dialect.rawValue, operation: "read \(column)")
        }
        return value
    }
}
