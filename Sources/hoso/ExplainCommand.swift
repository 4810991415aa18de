import ArgumentParser
import HosoText

/// `hoso explain --field F QUERY TEXT`: the tier of the match, or `no match` (exit 1).
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print the tier at which QUERY matches TEXT stored in FIELD (exact, tone, folded, variant, lineage, fuzzy) or 'no match'.",
        discussion: "Exits 0 on a match and 1 on none. Uses the same matching code as search."
    )

    @Option(name: .long, help: "Field kind: \(Field.allValueStrings.joined(separator: ", ")).")
    var field: Field

    @Flag(name: .long, help: "Treat the last query word as a prefix being typed.")
    var prefix = false

    @Flag(name: .long, help: "Allow one edit on longer words.")
    var fuzzy = false

    @Argument(help: "What the user typed.")
    var query: String

    @Argument(help: "The stored field value.")
    var text: String

    func run() throws {
        let tier: MatchTier?
        do {
            tier = try explainMatch(field: field, query: query, text: text, options: MatchOptions(prefix: prefix, fuzzy: fuzzy))
        } catch {
            throw ValidationError("\(error)")
        }
        guard let tier else {
            print("no match")
            throw ExitCode(1)
        }
        print(tier)
    }
}
