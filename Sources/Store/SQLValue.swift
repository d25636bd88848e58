/// One value bound to a SQL parameter or read from a result column.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// `.text`, or `.null` for nil.
    public static func optional(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }
    /// `.integer`, or `.null` for nil.
    public static func optional(_ value: Int?) -> SQLValue { value.map { .integer(Int64($0)) } ?? .null }
    /// `.real`, or `.null` for nil.
    public static func optional(_ value: Double?) -> SQLValue { value.map(SQLValue.real) ?? .null }
    /// `.integer(Int64(value))`.
    public static func int(_ value: Int) -> SQLValue { .integer(Int64(value)) }
    /// 1 or 0: both backends store booleans as integers so one SQL text serves both.
    public static func bool(_ value: Bool) -> SQLValue { .integer(value ? 1 : 0) }

    /// The value as an integer when it is numeric (PostgreSQL returns SUM and AVG as numeric); nil otherwise.
    public var int64: Int64? {
        switch self {
        case .integer(let v): return v
        case .real(let v): return v.isFinite ? Int64(exactly: v.rounded()) : nil
        case .text(let s): return Int64(s)
        default: return nil
        }
    }

    /// The value as a double when it is numeric.
    public var double: Double? {
        switch self {
        case .integer(let v): return Double(v)
        case .real(let v): return v
        case .text(let s): return Double(s)
        default: return nil
        }
    }

    /// The value as a string when it is text (numbers are not converted).
    public var string: String? {
        if case .text(let s) = self { return s }
        return nil
    }

    /// True for `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

/// One result row: column names (shared by every row of a result) and values in column order.
public struct SQLRow: Sendable, Hashable {
    public let columns: [String]
    public let values: [SQLValue]

    /// Wraps a row; `columns` and `values` have the same count.
    public init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value of column `index`, `.null` when out of range.
    public subscript(index: Int) -> SQLValue { values.indices.contains(index) ? values[index] : .null }

    /// The value of the named column, `.null` when there is none.
    public subscript(name: String) -> SQLValue {
        guard let i = columns.firstIndex(of: name) else { return .null }
        return self[i]
    }

    /// Text of the named column (nil for NULL).
    public func string(_ name: String) -> String? { self[name].string }
    /// Integer of the named column (nil for NULL).
    public func int64(_ name: String) -> Int64? { self[name].int64 }
    /// Integer of the named column as `Int` (nil for NULL).
    public func int(_ name: String) -> Int? { self[name].int64.map { Int($0) } }
    /// Double of the named column (nil for NULL).
    public func double(_ name: String) -> Double? { self[name].double }
}
