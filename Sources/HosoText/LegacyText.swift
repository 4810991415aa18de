/// The single call site through which the analyser applies legacy repair to its input
/// (TCVN3, VNI, double-encoded UTF-8, stray invisible characters): correct text passes through.
enum LegacyText {
    @inline(__always)
    static func repaired(_ text: String) -> String { LegacyRepair.repair(text).text }
}
