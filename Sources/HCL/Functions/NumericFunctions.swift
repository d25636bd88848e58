import Model

/// Terraform's numeric functions.
enum NumericFunctions {
    static var all: [Function] { [] }
}
