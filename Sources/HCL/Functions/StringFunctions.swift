import Model

/// Terraform's string functions.
enum StringFunctions {
    static var all: [Function] { [] }
}
