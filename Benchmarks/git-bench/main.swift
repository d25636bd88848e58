// Clone benchmark driver for bench/git-clone-bench.sh: clones URL into a fresh cache directory with GitOps
// (libgit2) and prints the wall time in seconds. Not part of the product.
import Foundation
import GitOps

let arguments = CommandLine.arguments
guard arguments.count == 4, arguments[1] == "clone" else {
    FileHandle.standardError.write(Data("usage: git-bench clone URL CACHE_DIR\n".utf8))
    exit(2)
}
let started = ContinuousClock.now
do {
    var options = GitRemoteOptions()
    options.timeout = .seconds(3600)
    let repository = try await GitRepository.openOrClone(url: arguments[2], cacheDirectory: arguments[3], options: options)
    let head = try await repository.resolve("HEAD")
    let elapsed = ContinuousClock.now - started
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print(String(format: "%.3f", seconds), head, repository.path)
} catch {
    FileHandle.standardError.write(Data("git-bench: \(error)\n".utf8))
    exit(1)
}
