import ArgumentParser
import HosoText

/// `hoso analyze --field F TEXT`: the tokens and keys a stored value produces.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Print the tokens and keys (exact | toneless | folded) of TEXT as a stored FIELD value."
    )

    @Option(name: .long, help: "Field kind: \(Field.allValueStrings.joined(separator: ", ")).")
    var field: Field

    @Flag(name: .long, help: "Analyse TEXT as a query parameter instead of a stored value.")
    var query = false

    @Argument(help: "The text to analyse.")
    var text: String

    func run() throws {
        let analyzer = Analyzer.shared
        do {
            let tokens = query ? try analyzer.query(text, field: field) : try analyzer.document(text, field: field)
            if tokens.isEmpty { print("(no tokens)") }
            for token in tokens {
                var line = "\(token.position)\texact=\(token.keys.exact)\ttoneless=\(token.keys.toneless)\tfolded=\(token.keys.folded)"
                if let surface = token.surface { line += "\twritten=\(surface.exact)" }
                if token.origin == .lineage { line += "\tlineage" }
                print(line)
            }
        } catch {
            throw ValidationError("TEXT: \(error)")
        }
    }
}
