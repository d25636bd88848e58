import Foundation

/// Dates as stored: integer microseconds since 1970 UTC (exact, sortable, the same on both backends).
enum Timestamp {
    /// `date` in microseconds.
    static func micros(_ date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1_000_000).rounded()
        return value.isFinite ? Int64(max(min(value, 9.0e18), -9.0e18)) : 0
    }

    /// A stored value back as a date.
    static func date(_ micros: Int64) -> Date { Date(timeIntervalSince1970: Double(micros) / 1_000_000) }

    /// The current time in microseconds.
    static var now: Int64 { micros(Date()) }

    /// A nullable date as a SQL value.
    static func value(_ date: Date?) -> SQLValue { date.map { .integer(micros($0)) } ?? .null }
}

extension SQLRow {
    /// The named column as a date (nil for NULL).
    func date(_ name: String) -> Date? { int64(name).map(Timestamp.date) }
}
