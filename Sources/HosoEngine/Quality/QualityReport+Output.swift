import HosoModel

extension QualityReport {
    /// The JSON body of `GET /v1/quality`:
    /// `{"checked_at","took_ms","example_limit","overall":G,"agencies":[{"source",…G}]}` where
    /// G is `{"records", "valid"|"complete"|"clean"|"current": {"label","passing","failing",
    /// "problems":{rule:{"count","examples"}}}}`.
    public func json() -> [UInt8] {
        var w = JSONWriter(capacity: 4096 + agencies.count * 1024)
        w.beginObject()
        w.key("checked_at"); w.string(checkedAt)
        w.key("took_ms"); w.integer(Int64(Self.milliseconds(duration)))
        w.key("example_limit"); w.integer(Int64(exampleLimit))
        w.key("overall")
        w.beginObject()
        Self.write(overall, to: &w)
        w.endObject()
        w.key("agencies")
        w.beginArray()
        for source in agencies.keys.sorted() {
            w.beginObject()
            w.key("source"); w.string(source)
            Self.write(agencies[source]!, to: &w)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    private static func write(_ group: Group, to w: inout JSONWriter) {
        w.key("records"); w.integer(Int64(group.records))
        for dimension in QualityDimension.allCases {
            w.key(dimension.rawValue)
            w.beginObject()
            w.key("label"); w.string(dimension.vietnamese)
            w.key("passing"); w.integer(Int64(group.passing(dimension)))
            w.key("failing"); w.integer(Int64(group.failing[dimension] ?? 0))
            w.key("problems")
            w.beginObject()
            for rule in QualityRule.allCases where rule.dimension == dimension {
                guard let finding = group.findings[rule] else { continue }
                w.key(rule.rawValue)
                w.beginObject()
                w.key("count"); w.integer(Int64(finding.count))
                w.key("examples")
                w.beginArray()
                for id in finding.examples { w.string(id) }
                w.endArray()
                w.endObject()
            }
            w.endObject()
            w.endObject()
        }
    }

    /// A plain-text summary for `hoso quality`: one line per source agency with the share of
    /// records passing each dimension, then every problem overall with its count and examples.
    public func text() -> String {
        func percent(_ group: Group, _ dimension: QualityDimension) -> String {
            guard group.records > 0 else { return "    -" }
            let value = Double(group.passing(dimension)) * 100 / Double(group.records)
            let rounded = (value * 10).rounded() / 10
            let text = String(rounded) + "%"
            return String(repeating: " ", count: max(0, 6 - text.count)) + text
        }
        func row(_ name: String, _ group: Group) -> String {
            let padded = name.count >= 12 ? name : name + String(repeating: " ", count: 12 - name.count)
            let records = String(group.records)
            return padded + String(repeating: " ", count: max(1, 10 - records.count)) + records + "  "
                + QualityDimension.allCases.map { percent(group, $0) }.joined(separator: "  ")
        }
        var lines = ["source         records   đúng     đủ   sạch   sống"]
        for source in agencies.keys.sorted() { lines.append(row(source, agencies[source]!)) }
        lines.append(row("all", overall))
        lines.append("")
        for rule in QualityRule.allCases {
            guard let finding = overall.findings[rule] else { continue }
            lines.append("\(rule.dimension.vietnamese)  \(rule.rawValue): \(finding.count)  e.g. \(finding.examples.joined(separator: ", "))")
        }
        lines.append("checked \(overall.records) records at \(checkedAt) in \(Self.milliseconds(duration)) ms")
        return lines.joined(separator: "\n")
    }

    static func milliseconds(_ d: Duration) -> Int {
        let (seconds, attoseconds) = d.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
