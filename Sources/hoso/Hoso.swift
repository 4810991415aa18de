import ArgumentParser

@main
struct Hoso: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hoso",
        abstract: "Search and lookup over the national database of cadres, civil servants and public employees.",
        subcommands: [AnalyzeCommand.self, ExplainCommand.self, SearchCommand.self, RebuildCommand.self, IngestCommand.self, GenerateCommand.self, KeysCommand.self, AuditCommand.self, ServeCommand.self, QualityCommand.self]
    )
}
