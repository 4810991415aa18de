import CLMDB

/// A named database inside an `Environment` (LMDB's `MDB_dbi`); valid for the environment's life.
public struct Database: Sendable, Hashable {
    let dbi: MDB_dbi
    /// The flags it was opened with.
    public let flags: Flags

    /// How a database stores keys and values (fixed when it is created).
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// Keys compare from their last byte to their first.
        public static let reverseKey = Flags(rawValue: UInt32(MDB_REVERSEKEY))
        /// A key may hold several sorted values.
        public static let duplicateSort = Flags(rawValue: UInt32(MDB_DUPSORT))
        /// Keys are native-endian `UInt32`/`size_t` integers.
        public static let integerKey = Flags(rawValue: UInt32(MDB_INTEGERKEY))
        /// With `duplicateSort`: all values of a key have one size.
        public static let duplicateFixed = Flags(rawValue: UInt32(MDB_DUPFIXED))
    }

    /// How a put behaves.
    public struct PutFlags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// Fail with `LMDBError.keyExists` instead of replacing an existing key.
        public static let noOverwrite = PutFlags(rawValue: UInt32(MDB_NOOVERWRITE))
        /// With `duplicateSort`: fail with `.keyExists` if this exact pair exists.
        public static let noDuplicateData = PutFlags(rawValue: UInt32(MDB_NODUPDATA))
        /// The key sorts after every key in the database: add it at the end without a search
        /// (fails with `.keyExists` if it does not sort last). Fills pages completely.
        public static let append = PutFlags(rawValue: UInt32(MDB_APPEND))
        /// With `duplicateSort`: the value sorts after the key's other values.
        public static let appendDuplicate = PutFlags(rawValue: UInt32(MDB_APPENDDUP))
    }

    /// Counts from `mdb_stat`.
    public struct Statistics: Sendable, Hashable {
        /// Key/value pairs (each duplicate counts).
        public var entries: Int
        /// Tree depth.
        public var depth: Int
        /// Branch, leaf and overflow pages.
        public var branchPages: Int
        public var leafPages: Int
        public var overflowPages: Int
        /// Page size in bytes.
        public var pageSize: Int

        /// Bytes of pages the database occupies.
        public var bytes: Int { (branchPages + leafPages + overflowPages) * pageSize }
    }
}
