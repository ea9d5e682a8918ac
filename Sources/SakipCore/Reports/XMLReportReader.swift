/// Reads reports from XML: one `<report>` or many inside `<reports>`, as described by the
/// bundled XML Schema (`schema/sakip-report.xsd`).
public enum XMLReportReader {
    public static func read(path: String) -> ReportFile {
        do {
            return read(try FileBytes.read(path), file: path)
        } catch {
            return ReportFile(file: path, diagnostics: [Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), error.description)])
        }
    }

    public static func read(_ bytes: [UInt8], file: String) -> ReportFile {
        let builder = ReportBuilder(file: file, bytes: bytes)
        do {
            try LibXML2.parse(bytes, file: file, handler: builder)
        } catch {
            // Reports completed before the malformed part are still usable, but a file that is not
            // well-formed is suspect as a whole: keep none of it.
            return ReportFile(file: file, diagnostics: builder.diagnostics.filter { $0.severity == .warning } + [error])
        }
        if !builder.sawRoot {
            builder.diagnostics.append(Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "expected a <report> or <reports> element"))
        }
        return ReportFile(file: file, reports: builder.reports, diagnostics: builder.diagnostics)
    }
}

/// Builds reports from SAX events, checking nesting, required attributes and value syntax.
private final class ReportBuilder: XMLEventHandler {
    let file: String
    let bytes: [UInt8]
    var reports: [Report] = []
    var diagnostics: [Diagnostic] = []
    var sawRoot = false

    private var stack: [String] = []
    private var current: Report?
    private var currentFailed = false

    init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
    }

    /// Children allowed inside each element.
    private static let allowedChildren: [String: Set<String>] = [
        "": ["report", "reports"],
        "reports": ["report"],
        "report": ["answers", "grades", "checklist", "indicators", "budget"],
        "answers": ["answer"],
        "grades": ["grade"],
        "checklist": ["item"],
        "indicators": ["indicator"],
        "budget": [], "answer": [], "grade": [], "item": [], "indicator": [],
    ]

    // MARK: Error path

    private func location(of attribute: String?, at offset: Int) -> SourceLocation {
        let target = attribute.map { XMLSourceText.attributeValue($0, inTagAt: offset, in: bytes) }
            ?? XMLSourceText.tagStart(before: offset, in: bytes)
        return SourceLocation(file: file, offset: target, in: bytes)
    }

    private func fail(_ message: String, attribute: String? = nil, at offset: Int) {
        diagnostics.append(Diagnostic(at: location(of: attribute, at: offset), message))
        if current != nil { currentFailed = true }
    }


    // MARK: Events

    func startElement(_ name: String, attributes: [XMLAttribute], offset: Int) {
        let parent = stack.last ?? ""
        stack.append(name)
        if parent == "" { sawRoot = true }
        guard let allowed = Self.allowedChildren[parent], allowed.contains(name) else {
            let expected = (Self.allowedChildren[parent] ?? []).sorted().map { "<\($0)>" }.joined(separator: ", ")
            fail("unexpected element <\(name)> inside \(parent.isEmpty ? "the document" : "<\(parent)>"); expected \(expected.isEmpty ? "no child elements" : expected)", at: offset)
            return
        }
        var attrs = Attributes(attributes)
        switch name {
        case "reports": break
        case "report": startReport(&attrs, offset: offset)
        case "answer": answer(&attrs, idAttribute: "criterion", offset: offset)
        case "grade": answer(&attrs, idAttribute: "subcomponent", offset: offset)
        case "item": checklistItem(&attrs, offset: offset)
        case "indicator": indicator(&attrs, offset: offset)
        case "budget": budget(&attrs, offset: offset)
        default: break
        }
        for unknown in attrs.unread {
            diagnostics.append(Diagnostic(.warning, at: location(of: unknown, at: offset), "unknown attribute '\(unknown)' on <\(name)> is ignored"))
        }
    }

    func endElement(_ name: String) {
        stack.removeLast()
        if name == "report", let report = current {
            if !currentFailed { reports.append(report) }
            current = nil
        }
    }

    // MARK: Elements

    private func required(_ attrs: inout Attributes, _ name: String, on element: String, at offset: Int) -> String? {
        if let value = attrs.take(name), !value.trimmingSpaces().isEmpty { return value.trimmingSpaces() }
        fail("<\(element)> needs a non-empty '\(name)' attribute", at: offset)
        return nil
    }

    /// The attribute as a number; nil when absent (an error if `required`) or not a number (always an error).
    private func number(_ attrs: inout Attributes, _ name: String, on element: String, at offset: Int, required: Bool) -> Double? {
        guard let text = attrs.take(name) else {
            if required { fail("<\(element)> needs a '\(name)' attribute", at: offset) }
            return nil
        }
        guard let value = ValueSyntax.number(text) else {
            fail("'\(name)' is '\(text)'; \(ValueSyntax.numberExpectation)", attribute: name, at: offset)
            return nil
        }
        return value
    }

    private func startReport(_ attrs: inout Attributes, offset: Int) {
        currentFailed = false
        let agency = required(&attrs, "agency", on: "report", at: offset)
        var year: Int?
        if let text = required(&attrs, "year", on: "report", at: offset) {
            year = ValueSyntax.year(text)
            if year == nil { fail("'year' is '\(text)'; expected a four-digit year such as 2024", attribute: "year", at: offset) }
        }
        let name = attrs.take("name")
        let region = attrs.take("region")
        let rubric = attrs.take("rubric")
        current = Report(agency: agency ?? "", name: name, region: region, year: year ?? 0, rubric: rubric,
                         origin: SourcePosition(file: file, offset: XMLSourceText.tagStart(before: offset, in: bytes)))
        current?.offsetsAreTags = true
        if agency == nil || year == nil { currentFailed = true }
    }

    private func answer(_ attrs: inout Attributes, idAttribute: String, offset: Int) {
        let element = idAttribute == "criterion" ? "answer" : "grade"
        // Evidence and notes are for the evaluator; they do not change the score.
        _ = attrs.take("evidence")
        _ = attrs.take("note")
        guard let id = required(&attrs, idAttribute, on: element, at: offset),
              let value = required(&attrs, "value", on: element, at: offset) else { return }
        current?.answers.append(Answer(id: id, value: value, offset: offset))
    }

    private func checklistItem(_ attrs: inout Attributes, offset: Int) {
        guard let criterion = required(&attrs, "criterion", on: "item", at: offset) else { return }
        var flags: [Bool] = []
        for (name, isRequired) in [("met", true), ("mandated", false), ("kept-1-year", false), ("kept-5-years", false)] {
            guard let text = attrs.take(name) else {
                if isRequired { fail("<item> needs a 'met' attribute", at: offset) }
                flags.append(false)
                continue
            }
            guard let flag = ValueSyntax.flag(text) else {
                fail("'\(name)' is '\(text)'; \(ValueSyntax.flagExpectation)", attribute: name, at: offset)
                return
            }
            flags.append(flag)
        }
        current?.checklist.append(ChecklistAnswer(criterion: criterion, met: flags[0], mandated: flags[1], kept1Year: flags[2], kept5Years: flags[3], offset: offset))
    }

    private func indicator(_ attrs: inout Attributes, offset: Int) {
        guard let id = required(&attrs, "id", on: "indicator", at: offset) else { return }
        var polarity = Polarity.positive
        if let text = attrs.take("polarity") {
            guard let known = Polarity(rawValue: text.trimmingSpaces().lowercased()) else {
                fail("'polarity' is '\(text)'; expected positive or negative", attribute: "polarity", at: offset)
                return
            }
            polarity = known
        }
        let errorsBefore = diagnostics.count
        let realization = number(&attrs, "realization", on: "indicator", at: offset, required: true)
        let target = number(&attrs, "target", on: "indicator", at: offset, required: false)
        let low = number(&attrs, "target-low", on: "indicator", at: offset, required: false)
        let high = number(&attrs, "target-high", on: "indicator", at: offset, required: false)
        let weight = number(&attrs, "weight", on: "indicator", at: offset, required: false)
        guard diagnostics.count == errorsBefore, let realization else { return }
        let resolved: Indicator.Target
        switch (target, low, high) {
        case (let t?, nil, nil): resolved = .value(t)
        case (nil, let l?, let h?):
            guard l <= h else {
                fail("'target-low' \(format(l)) is above 'target-high' \(format(h))", attribute: "target-low", at: offset)
                return
            }
            resolved = .range(low: l, high: h)
        default:
            fail("<indicator> needs either 'target' or both 'target-low' and 'target-high'", at: offset)
            return
        }
        if let weight, weight < 0 {
            fail("'weight' must not be negative", attribute: "weight", at: offset)
            return
        }
        current?.indicators.append(Indicator(
            id: id, name: attrs.take("name"), unit: attrs.take("unit"), polarity: polarity, target: resolved,
            realization: realization, weight: weight ?? 1, offset: offset))
    }

    private func budget(_ attrs: inout Attributes, offset: Int) {
        let ceiling = number(&attrs, "ceiling", on: "budget", at: offset, required: true)
        let realized = number(&attrs, "realized", on: "budget", at: offset, required: true)
        guard let ceiling, let realized else { return }
        current?.budget = Budget(ceiling: ceiling, realized: realized)
    }
}

/// Attribute lookup that remembers which attributes were read, to warn about the rest.
private struct Attributes {
    private var entries: [XMLAttribute]
    private var read: [Bool]

    init(_ entries: [XMLAttribute]) {
        self.entries = entries
        self.read = Array(repeating: false, count: entries.count)
    }

    mutating func take(_ name: String) -> String? {
        guard let i = entries.firstIndex(where: { $0.name == name }) else { return nil }
        read[i] = true
        return entries[i].value
    }

    var unread: [String] { entries.indices.filter { !read[$0] }.map { entries[$0].name } }
}
