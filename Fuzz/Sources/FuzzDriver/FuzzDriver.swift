#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libFuzzer's own entry point (`-sanitize=fuzzer` links it): parses the command line and calls
/// `callback` with each input. Using it rather than libFuzzer's `main` lets each harness be an
/// ordinary SwiftPM executable.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The check this process runs on each input (set once, before libFuzzer starts).
nonisolated(unsafe) private var check: (([UInt8]) -> String?)?
// nonisolated(unsafe): written once before LLVMFuzzerRunDriver starts, then only read, from
// libFuzzer's single fuzzing thread.

/// Runs libFuzzer with `body` as the target and exits with its status. `body` returns nil when
/// the input was handled as promised; anything else is printed and aborts, so libFuzzer saves the
/// input as a crash.
public func runFuzzer(_ body: @escaping ([UInt8]) -> String?) -> Never {
    check = body
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        if let problem = check?(bytes) {
            let message = Array("FUZZ CHECK FAILED: \(problem)\n".utf8)
            _ = message.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
            abort()
        }
        return 0
    }
    exit(status)
}
