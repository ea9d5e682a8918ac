/// Reads reports from XML: one `<report>` or many inside `<reports>`, as described by the
/// bundled XML Schema (`schema/sakip-report.xsd`).
public enum XMLReportReader {
    /// Reads reports from bytes held in memory; `file` names them in diagnostics.
    public static func read(_ bytes: [UInt8], file: String) -> ReportFile {
        read(SourceText(name: file, bytes: bytes))
    }

    /// Reads a report file (once).
    public static func read(path: String) -> ReportFile {
        ReportReader.read(InputItem.file(path), defaultRubric: nil)
    }

    public static func read(_ source: SourceText) -> ReportFile {
        read(source, placing: nil, remarks: true)
    }

    /// - Parameters:
    ///   - placing: when given, plain answers are placed on the rubric as they are read
    ///     (`Report.placed`) instead of becoming `Answer`s: only for reports scored right away.
    ///   - remarks: false when nothing will show the answers' notes and evidence: libxml2 then
    ///     drops those attributes unread, and no string is built for them.
    package static func read(_ source: SourceText, placing: ReportReader.PlacementProvider?, remarks: Bool) -> ReportFile {
        let bytes = source.bytes, file = source.name
        let builder = ReportBuilder(source: source, placing: placing, remarks: remarks)
        do {
            try LibXML2.parse(bytes, file: file, handler: builder)
        } catch {
            // Reports completed before the malformed part are still usable, but a file that is not
            // well-formed is suspect as a whole: keep none of it.
            return ReportFile(file: file, diagnostics: builder.diagnostics.filter { $0.severity == .warning } + [error])
        }
        if !builder.sawRoot {
            builder.diagnostics.append(Diagnostic(.noReport, at: .wholeFile(file), "expected a <report> or <reports> element"))
        }
        return ReportFile(file: file, reports: builder.reports, diagnostics: builder.diagnostics)
    }
}

/// Every element and attribute name of the format, matched by code rather than by string.
private enum Name: Int, CaseIterable {
    case reports, report, answers, grades, checklist, indicators, budget, answer, grade, item, indicator
    case agency, name, region, year, rubric, criterion, value, evidence, note, subcomponent
    case met, mandated, kept1Year, kept5Years, id, unit, polarity, target, targetLow, targetHigh, realization, weight
    case ceiling, realized, stage

    var text: String {
        switch self {
        case .kept1Year: "kept-1-year"
        case .kept5Years: "kept-5-years"
        case .targetLow: "target-low"
        case .targetHigh: "target-high"
        default: String(describing: self)
        }
    }

    /// Every name; a run that shows no notes or evidence drops those attributes in the parser.
    static let vocabulary = XMLVocabulary(allCases.map(\.text))
    static let vocabularyWithoutRemarks = XMLVocabulary(allCases.map(\.text), ignored: [Name.evidence.text, Name.note.text])
    /// The attributes of a remark: allowed on every answer-like element (and left unread, not
    /// warned about, on the others), whether or not the run keeps them.
    static let remarkBits = Name.note.bit | Name.evidence.bit

    var bit: UInt64 { 1 << UInt64(rawValue) }
}

/// A set of names as a bit mask: membership tests without allocating.
private struct NameSet {
    let mask: UInt64
    init(_ names: [Name]) { mask = names.reduce(0) { $0 | $1.bit } }
    /// From bits: constant-folded where the per-tag tables are written this way.
    init(mask: UInt64) { self.mask = mask }
    func contains(_ name: Name) -> Bool { mask & name.bit != 0 }
    var names: [Name] { Name.allCases.filter(contains) }
}

/// Builds reports from SAX events, checking nesting, required attributes and value syntax.
private final class ReportBuilder: XMLEventHandler {
    let source: SourceText
    var bytes: [UInt8] { source.bytes }
    var file: String { source.name }
    // The parse calls the builder from one thread, one event at a time, and nothing else holds
    // it meanwhile: its state opts out of dynamic exclusivity checks, several per event
    // otherwise. Measured (callgrind, `rank --jobs 1` of 1,000 generated XML reports): checked,
    // the run takes 4.2% more instructions; the only unsafe shortcut left that pays 2%.
    @unsafe @exclusivity(unchecked) var reports: [Report] = []
    @unsafe @exclusivity(unchecked) var diagnostics: [Diagnostic] = []
    @unsafe @exclusivity(unchecked) var sawRoot = false
    let vocabulary: XMLVocabulary
    /// Whether notes and evidence are kept (`Report.remarks`).
    let keepsRemarks: Bool

    /// Open elements; nil for an element outside the format.
    @unsafe @exclusivity(unchecked) private var stack: [Name?] = []
    @unsafe @exclusivity(unchecked) private var current: Report?
    @unsafe @exclusivity(unchecked) private var currentFailed = false
    /// The stage of the answer block being read.
    @unsafe @exclusivity(unchecked) private var stage = Stage.final
    /// The current report's answers placed on its rubric, while every answer so far was plain;
    /// `placing` says whether there are (testing the optional itself copies it).
    @unsafe @exclusivity(unchecked) private var placed: PlacedAnswers?
    @unsafe @exclusivity(unchecked) private var placing = false
    @unsafe @exclusivity(unchecked) private var reportedDepth = false

    let placementProvider: ReportReader.PlacementProvider?

    init(source: SourceText, placing: ReportReader.PlacementProvider?, remarks: Bool) {
        self.source = source
        placementProvider = placing
        keepsRemarks = remarks
        vocabulary = remarks ? Name.vocabulary : Name.vocabularyWithoutRemarks
    }

    private static let documentChildren = NameSet([.report, .reports])
    /// Children allowed inside each element: a switch over constants, looked up per tag with no
    /// lazily initialised table to check.
    private static func children(of parent: Name) -> NameSet {
        switch parent {
        case .reports: NameSet(mask: Name.report.bit)
        case .report: NameSet(mask: Name.answers.bit | Name.budget.bit | Name.checklist.bit | Name.grades.bit | Name.indicators.bit)
        case .answers: NameSet(mask: Name.answer.bit)
        case .grades: NameSet(mask: Name.grade.bit)
        case .checklist: NameSet(mask: Name.item.bit)
        case .indicators: NameSet(mask: Name.indicator.bit)
        default: NameSet(mask: 0)
        }
    }

    /// Attributes each element takes, besides a remark's (`Name.remarkBits`).
    private static func attributes(of element: Name) -> NameSet {
        switch element {
        case .report: NameSet(mask: Name.agency.bit | Name.name.bit | Name.region.bit | Name.year.bit | Name.rubric.bit)
        case .answer: NameSet(mask: Name.criterion.bit | Name.value.bit)
        case .grade: NameSet(mask: Name.subcomponent.bit | Name.value.bit)
        case .item: NameSet(mask: Name.criterion.bit | Name.met.bit | Name.mandated.bit | Name.kept1Year.bit | Name.kept5Years.bit)
        case .indicator: NameSet(mask: Name.id.bit | Name.name.bit | Name.unit.bit | Name.polarity.bit | Name.target.bit | Name.targetLow.bit | Name.targetHigh.bit | Name.realization.bit | Name.weight.bit)
        case .budget: NameSet(mask: Name.ceiling.bit | Name.realized.bit)
        case .answers, .grades, .checklist: NameSet(mask: Name.stage.bit)
        default: NameSet(mask: 0)
        }
    }

    // MARK: Error path

    private func location(of attribute: Name?, at offset: Int) -> SourceLocation {
        let target = attribute.map { XMLSourceText.attributeValue($0.text, inTagAt: offset, in: bytes) }
            ?? XMLSourceText.tagStart(before: offset, in: bytes)
        return source.location(of: target)
    }

    private func fail(_ code: DiagnosticCode, _ message: Message, attribute: Name? = nil, at offset: Int) {
        diagnostics.append(Diagnostic(code, at: location(of: attribute, at: offset), message))
        if current != nil { currentFailed = true }
    }

    // MARK: Events

    func startElement(_ code: Int?, name: String?, attributes: XMLAttributes, offset: Int) {
        let parent = stack.last ?? nil
        let element = code.flatMap { Name(rawValue: $0) }
        if stack.isEmpty { sawRoot = true }
        stack.append(element)
        if stack.count > InputLimits.xmlDepth {
            if !reportedDepth {
                reportedDepth = true
                fail(.tooDeep, "elements nested more than \(InputLimits.xmlDepth) deep; a report is three deep (<report>, <answers>, <answer>)", at: offset)
            }
            return
        }
        let allowed = parent.map(Self.children(of:)) ?? Self.documentChildren
        guard let element, allowed.contains(element) else {
            if stack.count > 1 && parent == nil { return }  // inside an element already reported
            let expected = allowed.names.map { "<\($0.text)>" }.sorted().joined(separator: ", ")
            let where_: Message = stack.count == 1 ? "the document" : "<\(parent!.text)>"
            let wanted: Message = expected.isEmpty ? "no child elements" : "\(expected)"
            fail(.unexpectedElement, "unexpected element <\(name ?? element!.text)> inside \(where_); expected \(wanted)", at: offset)
            return
        }
        let attrs = Attrs(attributes)
        switch element {
        case .report: startReport(attrs, offset: offset)
        case .answer: answer(attrs, idAttribute: .criterion, element: .answer, offset: offset)
        case .grade: answer(attrs, idAttribute: .subcomponent, element: .grade, offset: offset)
        case .item: checklistItem(attrs, offset: offset)
        case .indicator: indicator(attrs, offset: offset)
        case .budget: budget(attrs, offset: offset)
        case .indicators: current?.indicators.reserveCapacity(8)
        case .answers, .grades, .checklist:
            stage = blockStage(attrs, offset: offset)
            // Only final answers are placed: a block of another stage reads them all as `Answer`s.
            if stage != .final { unplace() }
        default: break
        }
        let known = NameSet(mask: Self.attributes(of: element).mask | Name.remarkBits)
        guard !attributes.onlyPresent(in: known.mask) || !attributes.unknown.isEmpty else { return }
        for code in attributes.present where !known.contains(Name(rawValue: code)!) {
            warnUnknown(Name(rawValue: code)!.text, on: element, at: offset)
        }
        for unknown in attributes.unknown { warnUnknown(unknown, on: element, at: offset) }
    }

    private func warnUnknown(_ attribute: String, on element: Name, at offset: Int) {
        let at = source.location(ofAttribute: attribute, inTagAt: offset)
        diagnostics.append(Diagnostic(.unknownAttribute, .warning, at: at, "unknown attribute '\(attribute)' on <\(element.text)> is ignored"))
    }

    func endElement(_ code: Int?) {
        let element = stack.removeLast()
        if element == .report, var report = current.take() {
            if placing { report.placed = placed.take() }
            placed = nil
            placing = false
            if !currentFailed { reports.append(report) }
        }
    }

    // MARK: Elements

    private func required(_ attrs: Attrs, _ name: Name, on element: Name, at offset: Int) -> String? {
        if let trimmed = attrs.attributes.trimmed(name.rawValue), !trimmed.isEmpty { return trimmed }
        fail(.missingAttribute, "<\(element.text)> needs a non-empty '\(name.text)' attribute", at: offset)
        return nil
    }

    /// The attribute as a number; nil when absent (an error if `required`) or not a number (always an error).
    private func number(_ attrs: Attrs, _ name: Name, on element: Name, at offset: Int, required: Bool) -> Double? {
        // Read from the value's bytes: a `String` is built only to say what is wrong.
        let read = attrs.attributes.withBytes(name.rawValue) { bytes in bytes.map { ValueSyntax.number($0) } }
        guard let read else {
            if required { fail(.missingAttribute, "<\(element.text)> needs a '\(name.text)' attribute", at: offset) }
            return nil
        }
        guard let value = read else {
            fail(.invalidNumber, "'\(name.text)' is '\(attrs[name] ?? "")'; \(ValueSyntax.numberExpectation)", attribute: name, at: offset)
            return nil
        }
        return value
    }

    private func startReport(_ attrs: Attrs, offset: Int) {
        currentFailed = false
        let agency = required(attrs, .agency, on: .report, at: offset)
        var year: Int?
        if let text = required(attrs, .year, on: .report, at: offset) {
            year = ValueSyntax.year(text)
            if year == nil { fail(.invalidYear, "'year' is '\(text)'; expected a four-digit year such as 2024", attribute: .year, at: offset) }
        }
        current = Report(agency: agency ?? "", name: attrs[.name], region: attrs[.region], year: year ?? 0, rubric: attrs[.rubric],
                         origin: SourcePosition(source, offset: XMLSourceText.tagStart(before: offset, in: bytes)))
        current?.offsetsAreTags = true
        placed = placementProvider?(attrs[.rubric]).map(PlacedAnswers.init)
        placing = placed != nil
        if !placing { current?.answers.reserveCapacity(96) }
        if agency == nil || year == nil { currentFailed = true }
    }

    private func answer(_ attrs: Attrs, idAttribute: Name, element: Name, offset: Int) {
        if placing {
            if element == .answer, place(attrs.attributes, offset: offset) {
                remark(attrs, idAttribute: idAttribute)
                return
            }
            // Anything the placement does not take: every answer so far becomes an `Answer`.
            unplace()
        }
        guard let id = required(attrs, idAttribute, on: element, at: offset),
              let value = required(attrs, .value, on: element, at: offset) else { return }
        current?.answers.append(Answer(id: id, value: value, offset: offset, stage: stage))
        remark(attrs, idAttribute: idAttribute)
    }

    /// The answer's note and evidence, when the run keeps them and the tag has either.
    private func remark(_ attrs: Attrs, idAttribute: Name) {
        guard keepsRemarks, attrs.attributes.hasAny(Name.remarkBits), let id = attrs.attributes.trimmed(idAttribute.rawValue),
              let remark = Remark(criterion: id, stage: stage, note: attrs[.note], evidence: attrs[.evidence]) else { return }
        current?.remarks.append(remark)
    }

    /// Hands the answers placed so far to the report as `Answer`s and places no more of its answers.
    private func unplace() {
        guard placing else { return }
        current?.placed = placed.take()
        current?.unplace()
        placing = false
    }

    /// Places a final answer whose criterion and letter are written plainly (no surrounding
    /// spaces, nothing else on the tag) from their bytes; false when it is anything else.
    private func place(_ attributes: XMLAttributes, offset: Int) -> Bool {
        let criterion = Name.criterion.rawValue, value = Name.value.rawValue
        guard stage == .final, attributes.onlyPresent(in: Name.criterion.bit | Name.value.bit | Name.remarkBits),
              !attributes.isPadded(criterion), !attributes.isPadded(value) else { return false }
        return attributes.withBytes(criterion) { id in
            attributes.withBytes(value) { letter in
                guard let id, let letter else { return false }
                return placed!.place(id: id, letter: letter, offset: offset)
            }
        }
    }

    private func checklistItem(_ attrs: Attrs, offset: Int) {
        unplace()
        guard let criterion = required(attrs, .criterion, on: .item, at: offset) else { return }
        var flags: [Bool] = []
        for (name, isRequired) in [(Name.met, true), (.mandated, false), (.kept1Year, false), (.kept5Years, false)] {
            guard let text = attrs[name] else {
                if isRequired { fail(.missingAttribute, "<item> needs a 'met' attribute", at: offset) }
                flags.append(false)
                continue
            }
            guard let flag = ValueSyntax.flag(text) else {
                fail(.invalidFlag, "'\(name.text)' is '\(text)'; \(ValueSyntax.flagExpectation)", attribute: name, at: offset)
                return
            }
            flags.append(flag)
        }
        current?.checklist.append(ChecklistAnswer(criterion: criterion, met: flags[0], mandated: flags[1], kept1Year: flags[2], kept5Years: flags[3], offset: offset, stage: stage))
        remark(attrs, idAttribute: .criterion)
    }

    /// The `stage` of an answer block: final when absent.
    private func blockStage(_ attrs: Attrs, offset: Int) -> Stage {
        guard let text = attrs[.stage] else { return .final }
        guard let stage = Stage(name: text) else {
            fail(.invalidStage, "'stage' is '\(text)'; \(Stage.expectation)", attribute: .stage, at: offset)
            return .final
        }
        return stage
    }

    private func indicator(_ attrs: Attrs, offset: Int) {
        guard let id = required(attrs, .id, on: .indicator, at: offset) else { return }
        var polarity = Polarity.positive
        if let text = attrs[.polarity] {
            // Spelled as the schema spells it, almost always: only other spellings are folded.
            guard let known = Polarity(rawValue: text) ?? Polarity(rawValue: text.trimmingSpaces().lowercased()) else {
                fail(.invalidPolarity, "'polarity' is '\(text)'; expected positive or negative", attribute: .polarity, at: offset)
                return
            }
            polarity = known
        }
        let errorsBefore = diagnostics.count
        let realization = number(attrs, .realization, on: .indicator, at: offset, required: true)
        let target = number(attrs, .target, on: .indicator, at: offset, required: false)
        let low = number(attrs, .targetLow, on: .indicator, at: offset, required: false)
        let high = number(attrs, .targetHigh, on: .indicator, at: offset, required: false)
        let weight = number(attrs, .weight, on: .indicator, at: offset, required: false)
        guard diagnostics.count == errorsBefore, let realization else { return }
        let resolved: Indicator.Target
        switch (target, low, high) {
        case (let t?, nil, nil): resolved = .value(t)
        case (nil, let l?, let h?):
            guard l <= h else {
                fail(.invalidTarget, "'target-low' \(format(l)) is above 'target-high' \(format(h))", attribute: .targetLow, at: offset)
                return
            }
            resolved = .range(low: l, high: h)
        default:
            fail(.invalidTarget, "<indicator> needs either 'target' or both 'target-low' and 'target-high'", at: offset)
            return
        }
        if let weight, weight < 0 {
            fail(.negativeWeight, "'weight' must not be negative", attribute: .weight, at: offset)
            return
        }
        current?.indicators.append(Indicator(
            id: id, name: attrs[.name], unit: attrs[.unit], polarity: polarity, target: resolved,
            realization: realization, weight: weight ?? 1, offset: offset))
    }

    private func budget(_ attrs: Attrs, offset: Int) {
        let ceiling = number(attrs, .ceiling, on: .budget, at: offset, required: true)
        let realized = number(attrs, .realized, on: .budget, at: offset, required: true)
        guard let ceiling, let realized else { return }
        current?.budget = Budget(ceiling: ceiling, realized: realized)
    }
}

/// Attribute values of one tag by name.
private struct Attrs {
    let attributes: XMLAttributes
    init(_ attributes: XMLAttributes) { self.attributes = attributes }
    subscript(name: Name) -> String? { attributes[name.rawValue] }
}
