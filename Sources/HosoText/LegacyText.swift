/// The single call site through which the analyser applies legacy repair to its input.
enum LegacyText {
    static func repaired(_ text: String) -> String { text }
}
