import Model

/// Terraform's time functions.
enum TimeFunctions {
    static var all: [Function] { [] }
}
