import Foundation

/// A small JSON Schema check for the keywords `/openapi.json` uses: `$ref` (within the
/// document), `type` (one or several), `properties`, `required`, `additionalProperties: false`,
/// `items`, `enum`, `oneOf`, `minimum`, `maximum`, `minLength`, `pattern`. Returns what is wrong,
/// each with its JSON path, so a failure says where to look.
struct SchemaCheck {
    let document: JSONValue

    /// The problems of `value` against `schema` (empty when it conforms).
    func problems(_ value: JSONValue, _ schema: JSONValue, path: String = "$") -> [String] {
        if let ref = schema["$ref"]?.stringValue {
            guard let target = resolve(ref) else { return ["\(path): unresolvable \(ref)"] }
            return problems(value, target, path: path)
        }
        var found: [String] = []
        if let types = schema["type"] {
            let allowed = types.arrayValue?.compactMap(\.stringValue) ?? [types.stringValue].compactMap { $0 }
            if !allowed.contains(where: { Self.matches(value, type: $0) }) {
                return ["\(path): \(Self.kind(of: value)) where the schema wants \(allowed.joined(separator: " or "))"]
            }
        }
        if let options = schema["enum"]?.arrayValue, !options.contains(value) {
            found.append("\(path): \(value) is not one of \(options)")
        }
        if let oneOf = schema["oneOf"]?.arrayValue {
            let matching = oneOf.filter { problems(value, $0, path: path).isEmpty }.count
            if matching != 1 { found.append("\(path): matches \(matching) of the oneOf schemas, not exactly one") }
        }
        switch value {
        case .object(let members):
            let properties: [String: JSONValue]
            if case .object(let p)? = schema["properties"] { properties = p } else { properties = [:] }
            for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
                found.append("\(path): lacks required \(name)")
            }
            for (name, member) in members {
                if let propertySchema = properties[name] {
                    found += problems(member, propertySchema, path: path + "." + name)
                } else if schema["additionalProperties"] == .bool(false) {
                    found.append("\(path): has \(name), which the schema does not allow")
                }
            }
        case .array(let items):
            if let itemSchema = schema["items"] {
                for (i, item) in items.enumerated() { found += problems(item, itemSchema, path: "\(path)[\(i)]") }
            }
        case .number(let n, _):
            if case .number(let minimum, _)? = schema["minimum"], n < minimum { found.append("\(path): \(n) < \(minimum)") }
            if case .number(let maximum, _)? = schema["maximum"], n > maximum { found.append("\(path): \(n) > \(maximum)") }
        case .string(let s):
            if let minimum = schema["minLength"]?.intValue, s.count < minimum { found.append("\(path): shorter than \(minimum)") }
            if let pattern = schema["pattern"]?.stringValue,
                s.range(of: pattern, options: .regularExpression) == nil
            {
                found.append("\(path): \"\(s)\" does not match \(pattern)")
            }
        default:
            break
        }
        return found
    }

    /// The schema at `#/a/b/c`.
    /// A response object, following its `$ref` into `components/responses` when it has one.
    func response(_ value: JSONValue?) -> JSONValue? {
        guard let value, let ref = value["$ref"]?.stringValue else { return value }
        return resolve(ref)
    }

    func resolve(_ ref: String) -> JSONValue? {
        guard ref.hasPrefix("#/") else { return nil }
        var node: JSONValue? = document
        for part in ref.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
        return node
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
            ("number", .number): true
        case ("integer", .number(_, let isInteger)): isInteger
        default: false
        }
    }

    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number(_, let integer): integer ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
