import Foundation
import Testing
@testable import SakipCore

/// Writes test inputs to a fresh temporary folder: locations are resolved from files on disk.
struct Scratch {
    let folder: String

    init() {
        folder = NSTemporaryDirectory() + "sakip-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let path = folder + "/" + name
        try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

enum Fixtures {
    static func path(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!.path
    }
}

/// A small rubric whose numbers are easy to check by hand.
let tinyRubricYAML = """
id: tiny
title: Tiny test rubric
scales:
  AE: {full: 100, values: {A: 100, B: 75, C: 50, E: 0}}
  YT: {full: 1, values: {Y: 1, T: 0}}
grades:
  - {grade: Good, label: Good, above: 50, max: 100}
  - {grade: Poor, label: Poor, above: 0, max: 50}
achievement:
  negative_polarity: 2t-r
components:
  - id: "1"
    name: First
    weight: 60
    subcomponents:
      - {id: "1.1", weight: 20, aggregation: mean, scale: AE, criteria: [{id: a}, {id: b, scale: YT}]}
      - {id: "1.2", weight: 40, aggregation: grade, scale: AE, criteria: [{id: c}]}
  - id: "2"
    name: Second
    weight: 40
    subcomponents:
      - {id: "2.1", weight: 40, aggregation: mean, scale: AE, criteria: [{id: d, weight: 3}, {id: e}]}
consistency:
  - {criterion: e, not_above: {criterion: d}, message: e needs d}
"""

func tinyRubric() throws -> Rubric {
    try RubricLoader.parse(tinyRubricYAML, file: "tiny.yaml")
}

func bundled(_ id: String) throws -> Rubric {
    try RubricCatalog.standard.load(id)
}

extension Double {
    func isClose(to other: Double, tolerance: Double = 1e-9) -> Bool { abs(self - other) <= tolerance }
}
