import Scanner

/// The path conversions of one fix run, each worked out once per distinct path: on the disk a conversion resolves
/// symbolic links component by component, and thousands of findings and fixes name the same few files.
final class FixPaths {
    /// The scan's paths.
    let scan: ScanPaths
    private var absolutes: [String: String] = [:]
    private var relatives: [String: String] = [:]

    /// Conversions for `scan`.
    init(_ scan: ScanPaths) {
        self.scan = scan
    }

    /// `ScanPaths.absolute(path, base: scan.root)`, remembered.
    func absolute(_ path: String) -> String {
        if let known = absolutes[path] { return known }
        let converted = ScanPaths.absolute(path, base: scan.root)
        absolutes[path] = converted
        return converted
    }

    /// `scan.relative(path)`, remembered.
    func relative(_ path: String) -> String {
        if let known = relatives[path] { return known }
        let converted = scan.relative(path)
        relatives[path] = converted
        return converted
    }
}
