import HosoQuery
import HosoStore

extension HosoService {
    /// `request` with its `national_id` replaced by the blind term the index holds
    /// (`RecordStore.nationalIDTerm`): in an encrypted store the index knows national ids only
    /// by their keyed hash, so the query is hashed the same way.
    ///
    /// - Throws: `.failure` for an encrypted store opened without its data key.
    func blindingNationalID(_ request: SearchRequest) throws(ServiceError) -> SearchRequest {
        guard let nationalID = request.nationalID, store.isEncrypted || store.sealer != nil else { return request }
        var blinded = request
        do {
            blinded.nationalID = try store.nationalIDTerm(nationalID)
        } catch {
            throw .failure(message: error.description)
        }
        return blinded
    }

    /// `queryString` as the audit log keeps it: in an encrypted store the value of every
    /// `national_id` parameter is replaced by `blind:` and its blind term, so the log (in LMDB,
    /// readable without the data key) holds no national id, and an auditor with the key can still
    /// tell who searched for a given id.
    func auditParameters(_ queryString: String) -> String {
        guard store.sealer != nil, queryString.utf8.contains(UInt8(ascii: "n")) else { return queryString }
        var changed = false
        let parts = queryString.split(separator: "&", omittingEmptySubsequences: false).map { part -> Substring in
            guard let equals = part.firstIndex(of: "="), QueryText.decode(part[..<equals]) == "national_id" else { return part }
            changed = true
            let value = QueryText.decode(part[part.index(after: equals)...]) ?? ""
            let term = (try? store.nationalIDTerm(value)) ?? ""
            return Substring("national_id=blind:" + term)
        }
        return changed ? parts.joined(separator: "&") : queryString
    }
}
