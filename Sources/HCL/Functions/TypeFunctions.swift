import Model

/// Terraform's type functions.
enum TypeFunctions {
    static var all: [Function] { [] }
}
