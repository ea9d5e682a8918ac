/// One rubric's criterion ids and answer letters as bytes, so that a reader can place a plain
/// report's answers on the rubric as it reads them: no `String` per id or letter, no `Answer`,
/// and no second pass to find each criterion (issue 14's fast path for `rank` and friends).
///
/// Only what the full path would accept without a word is placed: a known criterion of a
/// sub-component scored by the mean, answered once, with a letter of its scale, at the final
/// stage. Anything else makes the reader hand every answer placed so far back as `Answer`s
/// (`Report.unplace()`), in document order, and read the rest as before; scoring then sees
/// exactly what it would have seen, so cards and diagnostics do not change.
package final class AnswerPlacement: Sendable {
    let rubricID: String
    /// One criterion: where its id lies in `idBytes`, its scale's letters in the letter tables,
    /// and whether its sub-component is scored by the mean (only then are its answers placed).
    private struct Criterion {
        var idStart: Int32
        var idEnd: Int32
        var lettersStart: Int32
        var lettersEnd: Int32
        var placeable: Bool
    }
    private let criteria: [Criterion]
    /// Every criterion id's bytes, back to back.
    private let idBytes: [UInt8]
    let idStrings: [String]
    /// Every scale's letters, scale after scale: as `LetterKey`s, bytes back to back
    /// (`letterStart`), strings and values.
    private let letterKeys: [UInt64]
    private let letterBytes: [UInt8]
    private let letterStart: [Int]
    private let letterStrings: [String]
    private let letterValues: [Double]
    /// Open addressing over the id bytes' hash: flat position + 1, 0 for an empty slot.
    private let slots: [Int32]

    /// - Parameters:
    ///   - flatCriteria: the rubric's criteria in order, with their sub-component's position.
    ///   - scales: each criterion's scale, in the same order.
    init(rubricID: String, flatCriteria: [(id: String, sub: Int, criterion: Int)], scales: [AnswerScale], subcomponents: [Subcomponent]) {
        self.rubricID = rubricID
        idStrings = flatCriteria.map(\.id)
        var idBytes: [UInt8] = []
        var letters: [String: (start: Int32, end: Int32)] = [:]
        var letterBytes: [UInt8] = [], letterStart: [Int] = [0], letterStrings: [String] = [], letterValues: [Double] = []
        var criteria: [Criterion] = []
        for (flat, id) in idStrings.enumerated() {
            let scale = scales[flat]
            if letters[scale.id] == nil {
                let first = Int32(letterStrings.count)
                for (letter, value) in scale.values {
                    letterBytes += letter.utf8
                    letterStart.append(letterBytes.count)
                    letterStrings.append(letter)
                    letterValues.append(value)
                }
                letters[scale.id] = (first, Int32(letterStrings.count))
            }
            let start = Int32(idBytes.count)
            idBytes += id.utf8
            criteria.append(Criterion(idStart: start, idEnd: Int32(idBytes.count), lettersStart: letters[scale.id]!.start, lettersEnd: letters[scale.id]!.end,
                                      placeable: subcomponents[flatCriteria[flat].sub].aggregation == .mean))
        }
        self.idBytes = idBytes
        self.criteria = criteria
        letterKeys = letterStrings.map(LetterKey.pack)
        self.letterBytes = letterBytes
        self.letterStart = letterStart
        self.letterStrings = letterStrings
        self.letterValues = letterValues
        var slots = [Int32](repeating: 0, count: Self.tableSize(for: idStrings.count))
        for (flat, criterion) in criteria.enumerated() {
            var slot = Self.hash(idBytes[Int(criterion.idStart)..<Int(criterion.idEnd)]) & (slots.count - 1)
            // A repeated id keeps its first position; the rubric loader refuses such rubrics,
            // so this only guards the table.
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(flat + 1)
        }
        self.slots = slots
    }

    var criterionCount: Int { idStrings.count }

    /// The flat position of the criterion with these id bytes, trying the one after `previous`
    /// first (reports answer in rubric order); nil for an id outside the rubric.
    @inline(__always)
    func locate(_ id: UnsafeBufferPointer<UInt8>, after previous: Int) -> Int? {
        idBytes.withUnsafeBufferPointer { all in
            criteria.withUnsafeBufferPointer { criteria in
                let guess = previous + 1
                if guess < criteria.count, Self.same(all, criteria[guess].idStart, criteria[guess].idEnd, id) { return guess }
                var slot = Self.hash(id) & (slots.count - 1)
                while slots[slot] != 0 {
                    let flat = Int(slots[slot]) - 1
                    if Self.same(all, criteria[flat].idStart, criteria[flat].idEnd, id) { return flat }
                    slot = (slot + 1) & (slots.count - 1)
                }
                return nil
            }
        }
    }

    /// The letter's index in the letter tables when the criterion at `flat` is placed (its
    /// sub-component is scored by the mean) and the letter is one of its scale's; else nil.
    @inline(__always)
    func letter(_ bytes: UnsafeBufferPointer<UInt8>, for flat: Int) -> Int? {
        let criterion = criteria[flat]
        guard criterion.placeable else { return nil }
        let start = Int(criterion.lettersStart)
        return letterKeys.withUnsafeBufferPointer { keys in
            LetterKey.first(bytes, in: UnsafeBufferPointer(rebasing: keys[start..<Int(criterion.lettersEnd)])) { i in
                letterBytes.withUnsafeBufferPointer { Self.same($0, Int32(letterStart[start + i]), Int32(letterStart[start + i + 1]), bytes) }
            }
        }.map { start + $0 }
    }

    func value(letter: Int) -> Double { letterValues[letter] }
    func letterString(_ letter: Int) -> String { letterStrings[letter] }

    @inline(__always)
    private static func same(_ all: UnsafeBufferPointer<UInt8>, _ start: Int32, _ end: Int32, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(end - start) == b.count else { return false }
        var i = 0
        while i < b.count {
            if all[Int(start) + i] != b[i] { return false }
            i += 1
        }
        return true
    }

    private static func hash<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: h >> 1)
    }

    private static func tableSize(for count: Int) -> Int {
        var size = 16
        while size < count * 2 { size *= 2 }
        return size
    }
}

/// A report's answers placed by an `AnswerPlacement` while it was read: raw values and offsets
/// by flat criterion position, and the order they came in.
struct PlacedAnswers: Sendable, Hashable {
    let placement: AnswerPlacement
    /// Raw values (as in the scale), NaN where unanswered.
    var criterionValues: [Double]
    /// Offset of each criterion's answer (-1: none).
    var answerOffset: [Int]
    /// Flat positions and letters (indices in the placement's letter tables), in document order.
    var order: [(flat: Int32, letter: Int32)] = []
    /// The flat position of the last answer placed (-1: none yet).
    private var last = -1

    init(_ placement: AnswerPlacement) {
        self.placement = placement
        criterionValues = [Double](repeating: .nan, count: placement.criterionCount)
        answerOffset = [Int](repeating: -1, count: placement.criterionCount)
        order.reserveCapacity(placement.criterionCount)
    }

    /// Places an answer; false (and nothing placed) when the full path would have anything to
    /// say about it.
    mutating func place(id: UnsafeBufferPointer<UInt8>, letter: UnsafeBufferPointer<UInt8>, offset: Int) -> Bool {
        guard let flat = placement.locate(id, after: last), answerOffset[flat] < 0,
              let index = placement.letter(letter, for: flat) else { return false }
        last = flat
        criterionValues[flat] = placement.value(letter: index)
        answerOffset[flat] = offset
        order.append((Int32(flat), Int32(index)))
        return true
    }

    /// The answers placed, as the `Answer`s the full path would have read, in document order.
    var answers: [Answer] {
        order.map { entry in
            let flat = Int(entry.flat)
            return Answer(id: placement.idStrings[flat], value: placement.letterString(Int(entry.letter)),
                          offset: answerOffset[flat], stage: .final)
        }
    }

    static func == (a: PlacedAnswers, b: PlacedAnswers) -> Bool {
        a.placement === b.placement && a.answerOffset == b.answerOffset
            && a.order.elementsEqual(b.order) { $0.flat == $1.flat && $0.letter == $1.letter }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(placement))
        hasher.combine(answerOffset)
    }
}
