/// The names Terraform and HCL accept unquoted: fix paths, resource types, block and attribute names, object keys.
public enum TerraformName {
    /// True for an ASCII letter or `_`, then letters, digits, `_` and `-`.
    public static func isValid(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        return s.unicodeScalars.allSatisfy {
            $0 == "_" || $0 == "-" || ($0.isASCII && $0.properties.isAlphabetic)
                || ("0"..."9").contains($0)
        }
    }
}
