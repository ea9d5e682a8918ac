// The JSON form of a score card is the one `sakip score --format json` has always written; these
// conformances are that form, so a program can decode what the command line prints.

extension Aggregation: Codable {}
extension Polarity: Codable {}
extension Movement: Codable {}

extension Efficiency: Codable {
    private enum CodingKeys: String, CodingKey {
        case absorption, achievement, margin, efficient
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(absorption, forKey: .absorption)
        try container.encode(achievement, forKey: .achievement)
        try container.encode(margin, forKey: .margin)
        try container.encode(isEfficient, forKey: .efficient)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        absorption = try container.decode(Double.self, forKey: .absorption)
        achievement = try container.decode(Double.self, forKey: .achievement)
        margin = try container.decode(Double.self, forKey: .margin)
    }
}

extension IndicatorResult: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, name, unit, polarity, target, targetLow = "target_low", targetHigh = "target_high"
        case realization, weight, achievement, band, notComputable = "not_computable"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(indicator.id, forKey: .id)
        try container.encodeIfPresent(indicator.name, forKey: .name)
        try container.encodeIfPresent(indicator.unit, forKey: .unit)
        try container.encode(indicator.polarity, forKey: .polarity)
        switch indicator.target {
        case .value(let target): try container.encode(target, forKey: .target)
        case .range(let low, let high):
            try container.encode(low, forKey: .targetLow)
            try container.encode(high, forKey: .targetHigh)
        }
        try container.encode(indicator.realization, forKey: .realization)
        try container.encode(indicator.weight, forKey: .weight)
        try container.encodeIfPresent(achievement, forKey: .achievement)
        try container.encodeIfPresent(label, forKey: .band)
        if case .notComputable(let reason) = outcome { try container.encode(reason, forKey: .notComputable) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let target: Indicator.Target
        if let value = try container.decodeIfPresent(Double.self, forKey: .target) {
            target = .value(value)
        } else {
            target = .range(low: try container.decode(Double.self, forKey: .targetLow), high: try container.decode(Double.self, forKey: .targetHigh))
        }
        indicator = Indicator(
            id: try container.decode(String.self, forKey: .id), name: try container.decodeIfPresent(String.self, forKey: .name),
            unit: try container.decodeIfPresent(String.self, forKey: .unit), polarity: try container.decode(Polarity.self, forKey: .polarity),
            target: target, realization: try container.decode(Double.self, forKey: .realization), weight: try container.decode(Double.self, forKey: .weight))
        if let reason = try container.decodeIfPresent(String.self, forKey: .notComputable) {
            outcome = .notComputable(reason: reason)
        } else {
            outcome = .value(try container.decode(Double.self, forKey: .achievement))
        }
        label = try container.decodeIfPresent(String.self, forKey: .band)
    }
}

extension ScoreCard: Codable {
    enum CodingKeys: String, CodingKey {
        case agency, name, region, year, rubric, file, score, grade, gradeLabel = "grade_label", components
        case weakest, indicators, indicatorMean = "indicator_mean", efficiency, missing, warnings, stage, stages, gaps, remarks
    }

    public func encode(to encoder: any Encoder) throws {
        try encode(to: encoder, weakest: nil)
    }

    /// Writes the card's keys; `weakest` (a request's choice, not the card's) goes after the components.
    func encode(to encoder: any Encoder, weakest: [String]?) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(agency, forKey: .agency)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(region, forKey: .region)
        try container.encode(year, forKey: .year)
        try container.encode(rubricID, forKey: .rubric)
        try container.encode(origin.file, forKey: .file)
        try container.encode(total, forKey: .score)
        try container.encode(grade.grade, forKey: .grade)
        try container.encode(grade.label, forKey: .gradeLabel)
        try container.encode(components, forKey: .components)
        if let weakest { try container.encode(weakest, forKey: .weakest) }
        try container.encode(indicators, forKey: .indicators)
        try container.encodeIfPresent(indicatorMean, forKey: .indicatorMean)
        try container.encodeIfPresent(efficiency, forKey: .efficiency)
        try container.encode(missing, forKey: .missing)
        try container.encode(warnings, forKey: .warnings)
        // Only reports with stages other than the final one have these keys.
        if !stages.isEmpty {
            try container.encode(scoredStage, forKey: .stage)
            try container.encode(stages, forKey: .stages)
            try container.encode(gaps, forKey: .gaps)
        }
        try container.encode(remarks, forKey: .remarks)
    }

    /// Decodes the JSON form. It carries the grade and its label but not the band's bounds, and
    /// the file but not the line of the report's start: those come back as 0 and line 1.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // Decoded in the keys' written order, so a document missing several keys names the first.
        let agency = try container.decode(String.self, forKey: .agency)
        let name = try container.decodeIfPresent(String.self, forKey: .name)
        let region = try container.decodeIfPresent(String.self, forKey: .region)
        let year = try container.decode(Int.self, forKey: .year)
        let rubricID = try container.decode(String.self, forKey: .rubric)
        let origin = SourceLocation.wholeFile(try container.decode(String.self, forKey: .file))
        let total = try container.decode(Double.self, forKey: .score)
        let grade = GradeBand(grade: try container.decode(String.self, forKey: .grade), label: try container.decode(String.self, forKey: .gradeLabel), above: 0, max: 0)
        let components = try container.decode([ComponentScore].self, forKey: .components)
        let indicators = try container.decode([IndicatorResult].self, forKey: .indicators)
        let indicatorMean = try container.decodeIfPresent(Double.self, forKey: .indicatorMean)
        let efficiency = try container.decodeIfPresent(Efficiency.self, forKey: .efficiency)
        let missing = try container.decode([String].self, forKey: .missing)
        let warnings = try container.decode([Diagnostic].self, forKey: .warnings)
        self.init(agency: agency, name: name, region: region, year: year, rubricID: rubricID, total: total, grade: grade,
                  components: components, indicators: indicators, indicatorMean: indicatorMean, efficiency: efficiency,
                  missing: missing, warnings: warnings, origin: origin,
                  stages: try container.decodeIfPresent([StageScore].self, forKey: .stages) ?? [],
                  gaps: try container.decodeIfPresent([StageGap].self, forKey: .gaps) ?? [],
                  remarks: try container.decodeIfPresent([Remark].self, forKey: .remarks) ?? [])
    }
}
