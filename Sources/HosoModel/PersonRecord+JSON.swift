extension PersonRecord {
    /// The record as one NDJSON line (no newline), in the shape `parse(line:)` reads.
    ///
    /// Fields come in DESIGN §2 order; absent optional fields and empty lists are left out;
    /// `access_level` and `version` are always written; unknown fields follow with their raw
    /// JSON; `originals` comes last when there are any.
    public func jsonLine() -> String {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.text
    }

    /// Writes the record as a JSON object into `writer`.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id"); writer.string(id)
        if let nationalID { writer.key("national_id"); writer.string(nationalID) }
        writer.key("full_name"); writer.string(fullName)
        if !otherNames.isEmpty {
            writer.key("other_names")
            writer.beginArray()
            for name in otherNames { writer.string(name) }
            writer.endArray()
        }
        if let gender { writer.key("gender"); writer.string(gender.rawValue) }
        if let birthDate { writer.key("birth_date"); writer.string(birthDate.description) }
        if let hometown { writer.key("hometown"); hometown.writeJSON(to: &writer) }
        optional("ethnicity", ethnicity, to: &writer)
        optional("religion", religion, to: &writer)
        optional("agency", agency, to: &writer)
        optional("agency_code", agencyCode, to: &writer)
        optional("position", position, to: &writer)
        optional("grade", grade, to: &writer)
        if !workHistory.isEmpty {
            writer.key("work_history")
            writer.beginArray()
            for entry in workHistory { entry.writeJSON(to: &writer) }
            writer.endArray()
        }
        if !training.isEmpty {
            writer.key("training")
            writer.beginArray()
            for entry in training { entry.writeJSON(to: &writer) }
            writer.endArray()
        }
        if let status { writer.key("status"); writer.string(status.rawValue) }
        writer.key("access_level"); writer.integer(Int64(accessLevel.rawValue))
        optional("source", source, to: &writer)
        writer.key("version"); writer.integer(version)
        optional("updated_at", updatedAt, to: &writer)
        for field in extra { writer.key(field.name); writer.raw(field.json) }
        if !originals.isEmpty {
            writer.key("originals")
            writer.beginObject()
            for original in originals { writer.key(original.path); writer.string(original.text) }
            writer.endObject()
        }
        writer.endObject()
    }

    private func optional(_ name: String, _ value: String?, to writer: inout JSONWriter) {
        guard let value else { return }
        writer.key(name)
        writer.string(value)
    }

}

extension Hometown {
    /// Writes the hometown as stored: a string, or `{"commune","district"?,"province"}`.
    public func writeJSON(to writer: inout JSONWriter) {
        switch self {
        case .text(let text):
            writer.string(text)
        case .unit(let commune, let district, let province):
            writer.beginObject()
            writer.key("commune"); writer.string(commune)
            if let district { writer.key("district"); writer.string(district) }
            writer.key("province"); writer.string(province)
            writer.endObject()
        }
    }
}

extension WorkEntry {
    /// Writes `{"from","to","agency","position"}` (`to` null while current).
    public func writeJSON(to writer: inout JSONWriter) {
        JSONWriter.period(from, to, ("agency", agency), ("position", position), to: &writer)
    }
}

extension TrainingEntry {
    /// Writes `{"from","to","institution","qualification"}`.
    public func writeJSON(to writer: inout JSONWriter) {
        JSONWriter.period(from, to, ("institution", institution), ("qualification", qualification), to: &writer)
    }
}

extension JSONWriter {
    /// A `{"from","to",…}` period object with two more text members.
    fileprivate static func period(
        _ from: YearMonth, _ to: YearMonth?, _ first: (String, String), _ second: (String, String),
        to writer: inout JSONWriter
    ) {
        writer.beginObject()
        writer.key("from"); writer.string(from.description)
        writer.key("to")
        if let to { writer.string(to.description) } else { writer.null() }
        writer.key(first.0); writer.string(first.1)
        writer.key(second.0); writer.string(second.1)
        writer.endObject()
    }
}
