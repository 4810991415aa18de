import Foundation
import HosoStore

/// Where the data key of a database comes from (DESIGN §3: a file or an environment variable,
/// never the database).
///
/// In order: `--data-key-file FILE`; the environment variable `HOSO_DATA_KEY` (base64 of 32
/// bytes); a development key file beside the database, `<db>.data-key` (outside the database
/// directory, so copying or backing up the directory does not copy the key). When none is
/// there and the database is new, commands that create data (`ingest`, `serve`) create that
/// development key file (mode 600) and say so: a fresh machine works with no set-up, and
/// production passes its own key. A database written before encryption opens without a key.
public enum DataKeySource {
    /// The environment variable holding a base64 data key.
    public static let environmentVariable = "HOSO_DATA_KEY"

    /// The development key file of the database in `directory`.
    public static func developmentKeyPath(database directory: String) -> String {
        var path = directory
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path + ".data-key"
    }

    /// Reads a key file: base64 text of 32 bytes, or the 32 bytes themselves.
    ///
    /// - Throws: `DataKeySourceError` naming the file.
    public static func read(file path: String) throws(DataKeySourceError) -> DataKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataKeySourceError("cannot read the data key file \(path)")
        }
        do {
            if data.count == DataKey.byteCount, String(data: data, encoding: .utf8) == nil {
                return try DataKey(bytes: Array(data))
            }
            return try DataKey(base64: String(decoding: data, as: UTF8.self))
        } catch {
            throw DataKeySourceError("data key file \(path): \(error.description)")
        }
    }

    /// Writes a new random key to `path` as base64 (mode 600); refuses to overwrite a file.
    ///
    /// The key is written and flushed under a temporary name and then linked into place, so a
    /// crash never leaves a half-written key file.
    ///
    /// - Returns: the key.
    /// - Throws: `DataKeySourceError` if the file exists or cannot be written.
    @discardableResult
    public static func create(file path: String) throws(DataKeySourceError) -> DataKey {
        let key = DataKey.random()
        let text = Array((key.base64 + "\n").utf8)
        let temporary = path + ".tmp-\(getpid())"
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw DataKeySourceError("cannot create the data key file \(path): \(String(cString: strerror(errno)))")
        }
        defer { unlink(temporary) }
        let written = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let flushed = fsync(fd) == 0
        close(fd)
        guard written == text.count, flushed else {
            throw DataKeySourceError("cannot write the data key file \(path): \(String(cString: strerror(errno)))")
        }
        guard link(temporary, path) == 0 else {
            throw DataKeySourceError("cannot create the data key file \(path): \(String(cString: strerror(errno)))")
        }
        return key
    }

    /// The data key for the database in `directory`.
    ///
    /// - Parameters:
    ///   - file: `--data-key-file`, if given.
    ///   - environment: the process environment (`HOSO_DATA_KEY`).
    ///   - directory: the database directory.
    ///   - createForNewDatabase: whether to create the development key file when no key is
    ///     found and the database is new.
    ///   - log: told which key is used when it is not the one given explicitly.
    /// - Returns: the key, or `nil` for a database written without encryption (told to `log`).
    /// - Throws: `DataKeySourceError` for an unreadable or malformed key, or for an encrypted
    ///   database with no key anywhere.
    @available(*, noasync)
    public static func resolve(
        file: String?, environment: [String: String] = ProcessInfo.processInfo.environment, database directory: String,
        createForNewDatabase: Bool, log: (String) -> Void
    ) throws(DataKeySourceError) -> DataKey? {
        if let file { return try read(file: file) }
        if let text = environment[environmentVariable], !text.isEmpty {
            do {
                return try DataKey(base64: text)
            } catch {
                throw DataKeySourceError("\(environmentVariable): \(error.description)")
            }
        }
        let development = developmentKeyPath(database: directory)
        if access(development, F_OK) == 0 {
            log("using the development data key \(development) (pass --data-key-file or \(environmentVariable) in production)")
            return try read(file: development)
        }
        let state: RecordStore.EncryptionState
        do {
            state = try RecordStore.encryptionState(directory: directory)
        } catch {
            throw DataKeySourceError("cannot open the database \(directory): \(error)")
        }
        switch state {
        case .encrypted(let keyID):
            throw DataKeySourceError(
                "the database \(directory) is encrypted at rest with data key \(keyID): give it with --data-key-file FILE or \(environmentVariable)")
        case .rotating(let from, let to):
            throw DataKeySourceError(
                "a data key rotation of \(directory) from key \(from) to key \(to) was interrupted; run `hoso keys rotate-data-key` again with both keys")
        case .unencrypted:
            log("the database \(directory) was written without encryption at rest; `hoso keys rotate-data-key --db \(directory) --new-key-file FILE` encrypts it")
            return nil
        case .new:
            guard createForNewDatabase else { return nil }
            let key = try create(file: development)
            log("no data key given: created the development data key \(development) (keep it apart from copies of the database; pass --data-key-file or \(environmentVariable) in production)")
            return key
        }
    }
}

/// A data key that could not be found or read; the message names the file or variable.
public struct DataKeySourceError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
