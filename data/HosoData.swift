import Foundation

/// Locates the committed reference tables under `data/tables` (shipped as a resource bundle).
public enum HosoData {
    /// The directory holding the tables; `HOSO_DATA_DIR` overrides it (for an installed binary).
    public static var tablesDirectory: URL {
        if let override = ProcessInfo.processInfo.environment["HOSO_DATA_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        return Bundle.module.resourceURL!.appendingPathComponent("tables", isDirectory: true)
    }

    /// The contents of one table file, e.g. `"grades.tsv"`.
    /// - Throws: when the file is missing or unreadable.
    public static func table(_ name: String) throws -> String {
        try String(contentsOf: tablesDirectory.appendingPathComponent(name), encoding: .utf8)
    }
}
