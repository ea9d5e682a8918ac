internal import CYaml

// The only file that touches libyaml's events. Yams, which reads rubrics and workbook layouts,
// resolves an alias by sharing the anchored node, but then hashes mapping keys whole and hands
// the tree to readers that walk it whole: nine lines of nested aliases ("billion laughs") make
// a 400-byte file hash or walk hundreds of millions of nodes. This counts what a document
// expands to, on libyaml's events and without building anything, before Yams sees it.

/// How many nodes a YAML document has once its aliases are expanded.
enum YAMLExpansion {
    /// Throws when `yaml` expands to more than `InputLimits.yamlNodes` nodes, located where the
    /// count crossed the limit (an alias, or the end of the collection whose nodes crossed it).
    /// A document libyaml cannot parse passes: the YAML reader then reports the syntax error
    /// with its own message.
    static func check(_ yaml: String, file: String) throws(Diagnostic) {
        var yaml = yaml
        let crossing = yaml.withUTF8 { bytes in
            hasAnchor(bytes) ? count(bytes, limit: InputLimits.yamlNodes) : nil
        }
        guard let crossing else { return }
        throw Diagnostic(.yamlTooLarge, at: SourceLocation(file: file, line: crossing.line, column: crossing.column),
            "aliases expand this YAML to more than \(InputLimits.yamlNodes) nodes, the most sakip reads; "
            + "a rubric or layout has a few thousand at most (write the repeated part out, or alias a smaller one)")
    }

    /// Whether the bytes may hold an anchor: a `&` with a name right after it. An alias names an
    /// anchor, and one that names none is the YAML reader's error, so a document without an
    /// anchor expands to itself. Rubrics that write "reward & punishment" are not parsed twice.
    static func hasAnchor(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = bytes.startIndex
        while let ampersand = bytes[from...].firstIndex(of: UInt8(ascii: "&")) {
            from = ampersand + 1
            guard from < bytes.endIndex else { return false }
            switch bytes[from] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
                 UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                continue
            default:
                return true
            }
        }
        return false
    }

    /// The 1-based line and column of the event that took the document over `limit` nodes, or nil.
    static func count(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> (line: Int, column: Int)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var tally = Tally(limit: limit)
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_END_EVENT { return nil }
            if !tally.add(event) {
                return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
            }
        }
        return nil
    }
}

/// Node counts of the collections still open and of every anchor closed so far. Counts
/// saturate just above the limit, so nested aliases never overflow.
private struct Tally {
    let limit: Int
    /// One entry per open collection: its anchor and the nodes in it so far (itself included).
    private var open: [(anchor: String?, nodes: Int)] = [(nil, 0)]
    private var anchors: [String: Int] = [:]

    init(limit: Int) { self.limit = limit }

    /// Counts one event; false once the document holds more than `limit` nodes.
    mutating func add(_ event: yaml_event_t) -> Bool {
        switch event.type {
        case YAML_SCALAR_EVENT:
            return close(anchor: Self.name(event.data.scalar.anchor), nodes: 1)
        case YAML_ALIAS_EVENT:
            // An alias to an anchor not yet closed is the YAML reader's error to report.
            return close(anchor: nil, nodes: Self.name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1)
        case YAML_SEQUENCE_START_EVENT:
            open.append((Self.name(event.data.sequence_start.anchor), 1))
        case YAML_MAPPING_START_EVENT:
            open.append((Self.name(event.data.mapping_start.anchor), 1))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard open.count > 1, let finished = open.popLast() else { return true }
            return close(anchor: finished.anchor, nodes: finished.nodes)
        default:
            break
        }
        return true
    }

    /// A finished node: remembered under its anchor, added to the collection around it.
    private mutating func close(anchor: String?, nodes: Int) -> Bool {
        if let anchor { anchors[anchor] = nodes }
        open[open.count - 1].nodes = min(open[open.count - 1].nodes + nodes, limit + 1)
        return open[open.count - 1].nodes <= limit
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: $0) }
    }
}
