#if canImport(Glibc)
import Glibc
#endif

/// The signature of `LLVMFuzzerTestOneInput`.
public typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: FuzzCallback
) -> CInt

/// Hands the process to libFuzzer's driver with the command-line arguments (`-max_total_time=…`,
/// corpus directories) and `callback` as the target.
///
/// SwiftPM links an executable target's `@main` as the program's `main`, so each target's
/// `@main` calls this rather than relying on libFuzzer's own `main`.
/// - Returns: the driver's exit code.
public func runFuzzer(_ callback: FuzzCallback) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    let code = withUnsafeMutablePointer(to: &argv) { LLVMFuzzerRunDriver(&argc, $0, callback) }
    exit(code)
}
