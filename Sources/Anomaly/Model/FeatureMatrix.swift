/// Rows of features, row-major in one flat `Float` array (the forest's input layout).
public struct FeatureMatrix: Sendable, Equatable {
    public private(set) var values: [Float]
    public let columns: Int

    /// An empty matrix of `columns` columns.
    public init(columns: Int) {
        self.columns = columns
        self.values = []
    }

    /// A matrix over existing row-major values; `values.count` must be a multiple of `columns`.
    public init(columns: Int, values: [Float]) throws(AnomalyError) {
        guard columns > 0, values.count % columns == 0 else {
            throw AnomalyError(.invalidData, "\(values.count) values do not make rows of \(columns) columns")
        }
        self.columns = columns
        self.values = values
    }

    public var rows: Int { columns == 0 ? 0 : values.count / columns }

    /// Appends one row; it must have `columns` values.
    public mutating func append(_ row: [Float]) throws(AnomalyError) {
        guard row.count == columns else {
            throw AnomalyError(.invalidData, "row of \(row.count) values in a matrix of \(columns) columns")
        }
        values.append(contentsOf: row)
    }

    /// Reserves room for `rows` rows.
    public mutating func reserve(rows: Int) { values.reserveCapacity(rows * columns) }

    /// Row `i` as an array.
    public func row(_ i: Int) -> ArraySlice<Float> { values[(i * columns)..<((i + 1) * columns)] }
}
