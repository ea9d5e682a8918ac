import Yams

/// Reads a rubric from YAML and validates it, collecting every problem with its file, line,
/// column and node path before throwing them together as a `DiagnosticList` (one problem, such
/// as a file that cannot be read, is a list of one).
public enum RubricLoader {
    /// Tolerance for weights of children adding up to their parent's weight.
    public static let weightTolerance = 1e-9

    public static func load(path: String) throws(DiagnosticList) -> Rubric {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path)
        } catch {
            throw DiagnosticList([Diagnostic(.unreadable, at: .wholeFile(path), error.message)])
        }
        return try parse(String(decoding: bytes, as: UTF8.self), file: path)
    }

    public static func parse(_ yaml: String, file: String) throws(DiagnosticList) -> Rubric {
        do {
            try YAMLExpansion.check(yaml, file: file)
        } catch {
            throw DiagnosticList([error])
        }
        let root: Node
        do {
            // Scalars are read as text and converted here, so no implicit tag is needed: the
            // basic resolver skips the regular expressions that guess them (most of a load).
            guard let node = try Yams.compose(yaml: yaml, .basic) else {
                throw DiagnosticList([Diagnostic(.rubricStructure, at: .wholeFile(file), "empty rubric file; expected a mapping with id, scales, grades and components")])
            }
            root = node
        } catch let list as DiagnosticList {
            throw list
        } catch let error as YamlError {
            throw DiagnosticList([Diagnostic(.invalidYAML, at: location(of: error, file: file, yaml: yaml), "invalid YAML: \(problem(of: error))")])
        } catch {
            throw DiagnosticList([Diagnostic(.invalidYAML, at: .wholeFile(file), "invalid YAML: \(error)")])
        }
        var reader = RubricReader(file: file)
        let rubric = reader.rubric(root)
        if !reader.diagnostics.isEmpty { throw DiagnosticList(reader.diagnostics) }
        return rubric!
    }

    /// Where the YAML library stopped: its mark, or for a reader error (bad bytes, a control
    /// character) the byte offset it gives; only an error that gives neither is the file's as a whole.
    private static func location(of error: YamlError, file: String, yaml: String) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line > 0 ? SourceLocation(file: file, line: mark.line, column: max(mark.column, 1)) : .wholeFile(file)
        case .reader(_, let offset?, _, _):
            return SourceLocation(file: file, offset: offset, in: yaml.utf8)
        default:
            return .wholeFile(file)
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _), .reader(let problem, _, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}

/// Walks the YAML node tree; every accessor records a diagnostic instead of throwing, so one
/// load reports all the problems in a file.
private struct RubricReader {
    let file: String
    var diagnostics: [Diagnostic] = []
    private var seenIDs: [String: (path: String, node: Node)] = [:]

    init(file: String) { self.file = file }

    // MARK: Node access

    func location(_ node: Node) -> SourceLocation {
        guard let mark = node.mark, mark.line > 0 else { return .wholeFile(file) }
        return SourceLocation(file: file, line: mark.line, column: max(mark.column, 1))
    }

    mutating func fail(_ node: Node, _ path: String, _ message: Message, code: DiagnosticCode = .rubricStructure) {
        diagnostics.append(Diagnostic(code, at: location(node), path.isEmpty ? message : "\(path): \(message)"))
    }

    mutating func mapping(_ node: Node, _ path: String, allowed: Set<String>) -> [String: (key: Node, value: Node)]? {
        guard case .mapping(let pairs) = node else {
            fail(node, path, "expected a mapping")
            return nil
        }
        var result: [String: (key: Node, value: Node)] = [:]
        for (key, value) in pairs {
            guard let name = key.string else {
                fail(key, path, "expected a text key")
                continue
            }
            if !allowed.contains(name) {
                fail(key, path, "unknown key '\(name)'; expected one of \(allowed.sorted().joined(separator: ", "))", code: .unknownKey)
            } else if result[name] != nil {
                fail(key, path, "duplicate key '\(name)'")
            } else {
                result[name] = (key, value)
            }
        }
        return result
    }

    mutating func required(_ map: [String: (key: Node, value: Node)], _ key: String, in node: Node, _ path: String) -> Node? {
        if let entry = map[key] { return entry.value }
        fail(node, path, "missing required key '\(key)'")
        return nil
    }

    mutating func text(_ node: Node?, _ path: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            fail(node, path, "expected text")
            return nil
        }
        return scalar.string
    }

    mutating func number(_ node: Node?, _ path: String) -> Double? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite else {
            fail(node, path, "expected a number")
            return nil
        }
        return value
    }

    mutating func sequence(_ node: Node?, _ path: String) -> [Node]? {
        guard let node else { return nil }
        guard case .sequence(let items) = node else {
            fail(node, path, "expected a list")
            return nil
        }
        return Array(items)
    }

    func isNull(_ node: Node) -> Bool {
        if case .scalar(let scalar) = node { return scalar.string == "null" || scalar.string == "~" || scalar.string.isEmpty }
        return false
    }

    mutating func claim(_ id: String, _ node: Node, _ path: String) {
        if let earlier = seenIDs[id] {
            fail(node, path, "duplicate id '\(id)', already used at \(location(earlier.node)) (\(earlier.path))", code: .duplicateID)
        } else {
            seenIDs[id] = (path, node)
        }
    }

    mutating func checkSum(_ parts: [Double], of total: Double, _ node: Node, _ path: String, children: Message, parent: Message) {
        let sum = parts.reduce(0, +)
        if abs(sum - total) > RubricLoader.weightTolerance {
            fail(node, path, "weights of \(children) add up to \(format(sum)), but \(parent) weighs \(format(total))", code: .weightsSum)
        }
    }

    // MARK: Rubric

    mutating func rubric(_ root: Node) -> Rubric? {
        guard let top = mapping(root, "", allowed: [
            "id", "title", "regulation", "effective_from", "description", "scales", "grades",
            "achievement", "checklist", "components", "consistency", "required_stage",
        ]) else { return nil }
        let id = text(required(top, "id", in: root, ""), "id")
        let title = top["title"].flatMap { text($0.value, "title") } ?? id ?? ""
        let scales = required(top, "scales", in: root, "").flatMap { readScales($0) } ?? [:]
        let grades = required(top, "grades", in: root, "").flatMap { readGrades($0) } ?? []
        let achievement = top["achievement"].map { readAchievement($0.value) } ?? AchievementPolicy()
        let checklist = top["checklist"].flatMap { readChecklist($0.value, scales: scales) }
        let componentsNode = required(top, "components", in: root, "")
        let components = componentsNode.flatMap { readComponents($0, scales: scales, checklist: checklist) } ?? []
        if let componentsNode, components.isEmpty, sequence(componentsNode, "components") != nil {
            fail(componentsNode, "components", "a rubric needs at least one component")
        }
        if let gradesNode = top["grades"]?.value, !grades.isEmpty, !components.isEmpty {
            let total = components.reduce(0) { $0 + $1.weight }
            if abs(grades[0].max - total) > RubricLoader.weightTolerance {
                fail(gradesNode, "grades", "the top band ends at \(format(grades[0].max)), but the component weights add up to \(format(total))", code: .weightsSum)
            }
        }
        let consistency = top["consistency"].map { readConsistency($0.value, components: components) } ?? []
        let requiredStage = top["required_stage"].flatMap { readStage($0.value) }
        guard let id else { return nil }
        var rubric = Rubric(
            id: id, title: title, scales: scales, grades: grades, achievement: achievement, checklist: checklist,
            components: components, consistency: consistency, source: file)
        rubric.requiredStage = requiredStage
        return rubric
    }

    /// `required_stage`: a stage's name (self, verified, quality, final, or the Indonesian names).
    mutating func readStage(_ node: Node) -> Stage? {
        guard let name = text(node, "required_stage") else { return nil }
        guard let stage = Stage(name: name) else {
            fail(node, "required_stage", "'\(name)' is not a stage; \(Stage.expectation)")
            return nil
        }
        return stage
    }

    mutating func readScales(_ node: Node) -> [String: AnswerScale]? {
        guard case .mapping(let pairs) = node else {
            fail(node, "scales", "expected a mapping of scale id to {full, values}")
            return nil
        }
        var result: [String: AnswerScale] = [:]
        for (key, value) in pairs {
            guard let id = text(key, "scales") else { continue }
            let path = "scales.\(id)"
            guard let map = mapping(value, path, allowed: ["full", "values", "description"]) else { continue }
            let full = number(required(map, "full", in: value, path), "\(path).full")
            if let full, full <= 0 { fail(map["full"]!.value, "\(path).full", "must be above 0") }
            var letters: [(letter: String, value: Double)] = []
            if let valuesNode = required(map, "values", in: value, path) {
                if case .mapping(let entries) = valuesNode, !entries.isEmpty {
                    for (letterNode, valueNode) in entries {
                        guard let letter = text(letterNode, "\(path).values"),
                              let v = number(valueNode, "\(path).values.\(letter)") else { continue }
                        if let full, v < 0 || v > full {
                            fail(valueNode, "\(path).values.\(letter)", "value \(format(v)) is outside 0...\(format(full))")
                        }
                        letters.append((letter, v))
                    }
                } else {
                    fail(valuesNode, "\(path).values", "expected a non-empty mapping of answer letter to value")
                }
            }
            if let full { result[id] = AnswerScale(id: id, full: full, values: letters) }
        }
        return result
    }

    mutating func readGrades(_ node: Node) -> [GradeBand]? {
        guard let items = sequence(node, "grades") else { return nil }
        var bands: [(GradeBand, Node)] = []
        for (i, item) in items.enumerated() {
            let path = "grades[\(i)]"
            guard let map = mapping(item, path, allowed: ["grade", "label", "above", "max"]) else { continue }
            guard let grade = text(required(map, "grade", in: item, path), "\(path).grade"),
                  let above = number(required(map, "above", in: item, path), "\(path).above"),
                  let max = number(required(map, "max", in: item, path), "\(path).max") else { continue }
            let label = map["label"].flatMap { text($0.value, "\(path).label") } ?? grade
            if above >= max { fail(item, path, "band \(grade) is empty: above \(format(above)) is not below max \(format(max))", code: .gradeBands) }
            bands.append((GradeBand(grade: grade, label: label, above: above, max: max), item))
        }
        if bands.isEmpty {
            fail(node, "grades", "expected at least one grade band", code: .gradeBands)
            return nil
        }
        bands.sort { $0.0.max > $1.0.max }
        for i in 1..<max(bands.count, 1) where i < bands.count {
            let (upper, upperNode) = bands[i - 1]
            let (lower, _) = bands[i]
            if abs(upper.above - lower.max) > RubricLoader.weightTolerance {
                let what = upper.above > lower.max ? "leave a gap" : "overlap"
                fail(upperNode, "grades", "bands \(lower.grade) (up to \(format(lower.max))) and \(upper.grade) (above \(format(upper.above))) \(what)", code: .gradeBands)
            }
        }
        if let (lowest, node) = bands.last, lowest.above != 0 {
            fail(node, "grades", "the lowest band \(lowest.grade) starts above \(format(lowest.above)); scores down to 0 would have no grade", code: .gradeBands)
        }
        return bands.map(\.0)
    }

    mutating func readAchievement(_ node: Node) -> AchievementPolicy {
        var policy = AchievementPolicy()
        guard let map = mapping(node, "achievement", allowed: ["negative_polarity", "cap", "bands", "efficiency_margin"]) else { return policy }
        if let formulaNode = map["negative_polarity"]?.value, let name = text(formulaNode, "achievement.negative_polarity") {
            if let formula = NegativePolarityFormula(rawValue: name) {
                policy.negativePolarity = formula
            } else {
                fail(formulaNode, "achievement.negative_polarity", "unknown formula '\(name)'; expected 2t-r or t/r")
            }
        }
        if let capNode = map["cap"]?.value, !isNull(capNode), let cap = number(capNode, "achievement.cap") {
            if cap <= 0 { fail(capNode, "achievement.cap", "must be above 0") }
            policy.cap = cap
        }
        if let marginNode = map["efficiency_margin"]?.value, let margin = number(marginNode, "achievement.efficiency_margin") {
            policy.efficiencyMargin = margin
        }
        if let items = sequence(map["bands"]?.value, "achievement.bands") {
            for (i, item) in items.enumerated() {
                let path = "achievement.bands[\(i)]"
                guard let band = mapping(item, path, allowed: ["label", "min"]),
                      let label = text(required(band, "label", in: item, path), "\(path).label"),
                      let min = number(required(band, "min", in: item, path), "\(path).min") else { continue }
                policy.bands.append((label, min))
            }
            policy.bands.sort { $0.min > $1.min }
        }
        return policy
    }

    mutating func readChecklist(_ node: Node, scales: [String: AnswerScale]) -> ChecklistRule? {
        let path = "checklist"
        guard let map = mapping(node, path, allowed: ["scale", "all_met", "share_met", "none"]) else { return nil }
        guard let scaleNode = required(map, "scale", in: node, path), let scaleID = text(scaleNode, "\(path).scale") else { return nil }
        guard let scale = scales[scaleID] else {
            fail(scaleNode, "\(path).scale", "unknown scale '\(scaleID)'; expected one of \(scales.keys.sorted().joined(separator: ", "))", code: .unknownScale)
            return nil
        }
        func checkGrade(_ grade: String, _ node: Node, _ path: String, _ reader: inout RubricReader) {
            if scale.value(of: grade) == nil {
                reader.fail(node, path, "grade '\(grade)' is not in scale \(scaleID)")
            }
        }
        var allMet: [(every: ChecklistRule.Flag?, grade: String)] = []
        for (i, item) in (sequence(required(map, "all_met", in: node, path), "\(path).all_met") ?? []).enumerated() {
            let itemPath = "\(path).all_met[\(i)]"
            guard let rule = mapping(item, itemPath, allowed: ["every", "grade"]),
                  let grade = text(required(rule, "grade", in: item, itemPath), "\(itemPath).grade") else { continue }
            checkGrade(grade, item, itemPath, &self)
            var flag: ChecklistRule.Flag?
            if let flagNode = rule["every"]?.value, let name = text(flagNode, "\(itemPath).every") {
                flag = ChecklistRule.Flag(rawValue: name)
                if flag == nil {
                    fail(flagNode, "\(itemPath).every", "unknown flag '\(name)'; expected one of \(ChecklistRule.Flag.allCases.map(\.rawValue).joined(separator: ", "))")
                    continue
                }
            }
            allMet.append((flag, grade))
        }
        if allMet.last.map({ $0.every != nil }) ?? true {
            fail(node, "\(path).all_met", "the last rule must have no 'every', so that all criteria met always yields a grade")
        }
        var shareMet: [(above: Double, grade: String)] = []
        for (i, item) in (sequence(required(map, "share_met", in: node, path), "\(path).share_met") ?? []).enumerated() {
            let itemPath = "\(path).share_met[\(i)]"
            guard let band = mapping(item, itemPath, allowed: ["above", "grade"]),
                  let above = number(required(band, "above", in: item, itemPath), "\(itemPath).above"),
                  let grade = text(required(band, "grade", in: item, itemPath), "\(itemPath).grade") else { continue }
            if above < 0 || above >= 1 { fail(item, itemPath, "'above' is a share of criteria met, expected 0 <= above < 1") }
            checkGrade(grade, item, itemPath, &self)
            shareMet.append((above, grade))
        }
        shareMet.sort { $0.above > $1.above }
        guard let noneNode = required(map, "none", in: node, path), let none = text(noneNode, "\(path).none") else { return nil }
        checkGrade(none, noneNode, "\(path).none", &self)
        return ChecklistRule(scale: scaleID, allMet: allMet, shareMet: shareMet, none: none)
    }

    mutating func readComponents(_ node: Node, scales: [String: AnswerScale], checklist: ChecklistRule?) -> [Component]? {
        guard let items = sequence(node, "components") else { return nil }
        var result: [Component] = []
        for (i, item) in items.enumerated() {
            var path = "components[\(i)]"
            guard let map = mapping(item, path, allowed: ["id", "name", "weight", "groups", "subcomponents"]) else { continue }
            guard let id = text(required(map, "id", in: item, path), "\(path).id") else { continue }
            path += " (\(id))"
            claim(id, item, path)
            let name = map["name"].flatMap { text($0.value, "\(path).name") } ?? id
            guard let weight = number(required(map, "weight", in: item, path), "\(path).weight") else { continue }
            if weight <= 0 { fail(map["weight"]!.value, "\(path).weight", "must be above 0") }
            var groups: [Group] = []
            var subs: [Subcomponent] = []
            if let groupsNode = map["groups"]?.value {
                if map["subcomponents"] != nil {
                    fail(item, path, "has both 'groups' and 'subcomponents'; put sub-components inside the groups")
                }
                for (j, groupNode) in (sequence(groupsNode, "\(path).groups") ?? []).enumerated() {
                    var groupPath = "\(path).groups[\(j)]"
                    guard let group = mapping(groupNode, groupPath, allowed: ["id", "name", "weight", "subcomponents"]),
                          let groupID = text(required(group, "id", in: groupNode, groupPath), "\(groupPath).id") else { continue }
                    groupPath += " (\(groupID))"
                    claim(groupID, groupNode, groupPath)
                    guard let groupWeight = number(required(group, "weight", in: groupNode, groupPath), "\(groupPath).weight") else { continue }
                    let groupName = group["name"].flatMap { text($0.value, "\(groupPath).name") } ?? groupID
                    let members = readSubcomponents(required(group, "subcomponents", in: groupNode, groupPath), groupPath, group: groupID, scales: scales, checklist: checklist)
                    checkSum(members.map(\.weight), of: groupWeight, groupNode, groupPath, children: "its sub-components", parent: "group \(groupID)")
                    groups.append(Group(id: groupID, name: groupName, weight: groupWeight))
                    subs += members
                }
                checkSum(groups.map(\.weight), of: weight, item, path, children: "its groups", parent: "component \(id)")
            } else {
                subs = readSubcomponents(required(map, "subcomponents", in: item, path), path, group: nil, scales: scales, checklist: checklist)
                checkSum(subs.map(\.weight), of: weight, item, path, children: "its sub-components", parent: "component \(id)")
            }
            result.append(Component(id: id, name: name, weight: weight, groups: groups, subcomponents: subs))
        }
        return result
    }

    mutating func readSubcomponents(
        _ node: Node?, _ parentPath: String, group: String?, scales: [String: AnswerScale], checklist: ChecklistRule?
    ) -> [Subcomponent] {
        guard let items = sequence(node, "\(parentPath).subcomponents") else { return [] }
        if items.isEmpty, let node { fail(node, "\(parentPath).subcomponents", "expected at least one sub-component") }
        var result: [Subcomponent] = []
        for (i, item) in items.enumerated() {
            var path = "\(parentPath).subcomponents[\(i)]"
            guard let map = mapping(item, path, allowed: ["id", "name", "weight", "aggregation", "scale", "criteria"]),
                  let id = text(required(map, "id", in: item, path), "\(path).id") else { continue }
            path += " (\(id))"
            claim(id, item, path)
            let name = map["name"].flatMap { text($0.value, "\(path).name") } ?? id
            guard let weight = number(required(map, "weight", in: item, path), "\(path).weight") else { continue }
            if weight <= 0 { fail(map["weight"]!.value, "\(path).weight", "must be above 0") }
            var aggregation = Aggregation.mean
            if let aggregationNode = map["aggregation"]?.value, let name = text(aggregationNode, "\(path).aggregation") {
                if let known = Aggregation(rawValue: name) {
                    aggregation = known
                } else {
                    fail(aggregationNode, "\(path).aggregation", "unknown aggregation '\(name)'; expected mean, grade or checklist")
                }
            }
            if aggregation == .checklist, checklist == nil {
                fail(item, path, "checklist aggregation needs a top-level 'checklist' rule")
            }
            let scaleNode = required(map, "scale", in: item, path)
            let scale = text(scaleNode, "\(path).scale") ?? ""
            if let scaleNode, !scale.isEmpty, scales[scale] == nil {
                fail(scaleNode, "\(path).scale", "unknown scale '\(scale)'; expected one of \(scales.keys.sorted().joined(separator: ", "))", code: .unknownScale)
            }
            var criteria: [Criterion] = []
            let criteriaNode = required(map, "criteria", in: item, path)
            for (j, criterionNode) in (sequence(criteriaNode, "\(path).criteria") ?? []).enumerated() {
                var criterionPath = "\(path).criteria[\(j)]"
                guard let c = mapping(criterionNode, criterionPath, allowed: ["id", "text", "name", "weight", "scale"]),
                      let cid = text(required(c, "id", in: criterionNode, criterionPath), "\(criterionPath).id") else { continue }
                criterionPath += " (\(cid))"
                claim(cid, criterionNode, criterionPath)
                let text = (c["text"] ?? c["name"]).flatMap { self.text($0.value, "\(criterionPath).text") } ?? cid
                var criterionWeight = 1.0
                if let weightNode = c["weight"]?.value, let w = number(weightNode, "\(criterionPath).weight") {
                    if w <= 0 { fail(weightNode, "\(criterionPath).weight", "must be above 0") }
                    criterionWeight = w
                }
                var criterionScale = scale
                if let scaleNode = c["scale"]?.value, let s = self.text(scaleNode, "\(criterionPath).scale") {
                    if scales[s] == nil {
                        fail(scaleNode, "\(criterionPath).scale", "unknown scale '\(s)'; expected one of \(scales.keys.sorted().joined(separator: ", "))", code: .unknownScale)
                    }
                    criterionScale = s
                }
                criteria.append(Criterion(id: cid, text: text, weight: criterionWeight, scale: criterionScale))
            }
            if criteria.isEmpty, let criteriaNode {
                fail(criteriaNode, "\(path).criteria", "empty sub-component: expected at least one criterion")
            }
            result.append(Subcomponent(id: id, name: name, weight: weight, aggregation: aggregation, scale: scale, group: group, criteria: criteria))
        }
        return result
    }

    mutating func readConsistency(_ node: Node, components: [Component]) -> [ConsistencyRule] {
        let subIDs = Set(components.flatMap(\.subcomponents).map(\.id))
        let criterionIDs = Set(components.flatMap(\.subcomponents).flatMap(\.criteria).map(\.id))
        var rules: [ConsistencyRule] = []
        for (i, item) in (sequence(node, "consistency") ?? []).enumerated() {
            let path = "consistency[\(i)]"
            guard let map = mapping(item, path, allowed: ["criterion", "criteria_of", "subcomponent", "not_above", "message", "message_id"]) else { continue }
            func known(_ id: String, criterion: Bool, _ node: Node, _ reader: inout RubricReader) -> Bool {
                if (criterion ? criterionIDs : subIDs).contains(id) { return true }
                reader.fail(node, path, criterion ? "unknown criterion '\(id)'" : "unknown sub-component '\(id)'")
                return false
            }
            var subject: ConsistencyRule.Subject?
            let subjects = ["criterion", "criteria_of", "subcomponent"].filter { map[$0] != nil }
            if subjects.count != 1 {
                fail(item, path, "expected exactly one of criterion, criteria_of, subcomponent")
                continue
            }
            let subjectNode = map[subjects[0]]!.value
            guard let subjectID = text(subjectNode, "\(path).\(subjects[0])") else { continue }
            switch subjects[0] {
            case "criterion": if known(subjectID, criterion: true, subjectNode, &self) { subject = .criterion(subjectID) }
            case "criteria_of": if known(subjectID, criterion: false, subjectNode, &self) { subject = .criteriaOf(subjectID) }
            default: if known(subjectID, criterion: false, subjectNode, &self) { subject = .subcomponent(subjectID) }
            }
            guard let targetNode = required(map, "not_above", in: item, path),
                  let target = mapping(targetNode, "\(path).not_above", allowed: ["criterion", "subcomponent"]) else { continue }
            var notAbove: ConsistencyRule.Target?
            if let c = target["criterion"], let id = text(c.value, "\(path).not_above.criterion") {
                if known(id, criterion: true, c.value, &self) { notAbove = .criterion(id) }
            } else if let s = target["subcomponent"], let id = text(s.value, "\(path).not_above.subcomponent") {
                if known(id, criterion: false, s.value, &self) { notAbove = .subcomponent(id) }
            } else {
                fail(targetNode, "\(path).not_above", "expected criterion or subcomponent")
            }
            let message = map["message"].flatMap { text($0.value, "\(path).message") } ?? "answer outranks its prerequisite"
            let indonesian = map["message_id"].flatMap { text($0.value, "\(path).message_id") } ?? (map["message"] == nil ? "jawaban melampaui prasyaratnya" : nil)
            if let subject, let notAbove {
                var rule = ConsistencyRule(subject: subject, notAbove: notAbove, message: message)
                rule.messageID = indonesian
                rules.append(rule)
            }
        }
        return rules
    }
}

/// Shortest decimal form of a number for messages: 30 rather than 30.0.
func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
