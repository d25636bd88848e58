/// A root module directory's variable definition files, found once per plan, with what each assigns: a value
/// traced to `var.X` costs a lookup per file rather than a walk over every assignment of every file, once per fix.
struct VariableFiles: Sendable {
    /// `*.tfvars.json`, sorted: their values are left to a person, so only which names they mention matters.
    var json: [String] = []
    /// `*.auto.tfvars` in reverse lexical order (the later wins), then `terraform.tfvars`: the order Terraform lets
    /// each override the next.
    var precedence: [String] = []
    /// Per `.tfvars.json` path: every string it holds (keys and values), or nil until read.
    var jsonStrings: [String: Set<String>] = [:]
    /// Per `.tfvars` path: each top-level name → the key of the first fragment assigning it, or nil until read.
    var assignments: [String: [String: String]] = [:]

    /// The files of `names` (a directory's sorted listing) under `directory`.
    init(directory: String, names: [String]) {
        let join = { (name: String) in directory.hasSuffix("/") ? directory + name : directory + "/" + name }
        json = names.filter { $0.hasSuffix(".tfvars.json") }.map(join)
        precedence =
            names.filter { $0.hasSuffix(".auto.tfvars") }.reversed().map(join)
            + names.filter { $0 == "terraform.tfvars" }.map(join)
    }

    /// The strings of a JSON text: what `"NAME"` could match in it. A JSON string's content runs from an opening
    /// quote to the next quote not escaped.
    static func strings(in bytes: [UInt8]) -> Set<String> {
        var out = Set<String>()
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "\"") else {
                i += 1
                continue
            }
            var j = i + 1
            while j < bytes.count, bytes[j] != UInt8(ascii: "\"") {
                j += bytes[j] == UInt8(ascii: "\\") ? 2 : 1
            }
            out.insert(String(decoding: bytes[(i + 1)..<min(j, bytes.count)], as: UTF8.self))
            i = j + 1
        }
        return out
    }
}
