/// What happened, as handed to the audit log (before it gets a place in the chain).
public struct AuditEvent: Sendable, Hashable {
    /// The kind of access.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A search: parameters are the query string, ids the hits returned.
        case search
        /// A record view (`/v1/people/{id}`).
        case view
        /// A work-history view.
        case history
        /// A `self` key reading its own record.
        case me
        /// An admin reading the audit log.
        case audit
        /// A key passed the distinct-people threshold of the day (scraping suspicion).
        case flag
        /// A key was created or revoked.
        case key
        /// A `POST /v1/sync`: parameters give the line counts and the change-log sequence after
        /// it, ids the records it changed.
        case sync
        /// A `GET /v1/changes` page: parameters are the query, ids the records it listed.
        case changes
    }

    public var kind: Kind
    /// Milliseconds since 1970 (UTC).
    public var time: Int64
    /// The caller's key id (`-` for the command line).
    public var keyID: String
    /// The caller's role as written (`officer`, `self`, …).
    public var role: String
    /// What was asked, e.g. the query string of a search.
    public var parameters: String
    /// The record id asked for by a record view, found or not; `nil` for searches.
    public var subject: String?
    /// The record ids returned to the caller, in order.
    public var ids: [String]

    public init(
        kind: Kind, time: Int64, keyID: String, role: String, parameters: String, subject: String? = nil, ids: [String] = []
    ) {
        self.kind = kind
        self.time = time
        self.keyID = keyID
        self.role = role
        self.parameters = parameters
        self.subject = subject
        self.ids = ids
    }
}

/// An event in its place in the log: sequence number and the hashes that chain it.
public struct AuditEntry: Sendable, Hashable {
    /// 1, 2, 3, … with no gaps.
    public var sequence: UInt64
    public var event: AuditEvent
    /// The hash of the entry before (32 zero bytes for the first).
    public var previousHash: [UInt8]
    /// SHA-256 over `previousHash` and the entry's canonical bytes.
    public var hash: [UInt8]

    public init(sequence: UInt64, event: AuditEvent, previousHash: [UInt8], hash: [UInt8]) {
        self.sequence = sequence
        self.event = event
        self.previousHash = previousHash
        self.hash = hash
    }
}
