/// One rubric's criterion ids and answer letters as bytes, so that a reader can place a plain
/// report's answers on the rubric as it reads them: no `String` per id or letter, no `Answer`,
/// and no second pass to find each criterion (issue 14's fast path for `rank` and friends).
///
/// Only what the full path would accept without a word is placed: a known criterion of a
/// sub-component scored by the mean, answered once, with a letter of its scale, at the final
/// stage. Anything else makes the reader hand every answer placed so far back as `Answer`s
/// (`Report.unplace()`), in document order, and read the rest as before; scoring then sees
/// exactly what it would have seen, so cards and diagnostics do not change.
final class AnswerPlacement: Sendable {
    let rubricID: String
    /// Every criterion id's bytes, back to back; criterion `flat`'s are `idStart[flat]..<idStart[flat + 1]`.
    private let idBytes: [UInt8]
    private let idStart: [Int]
    let idStrings: [String]
    /// Each criterion's scale: its letters are `scaleStart[scale]..<scaleStart[scale + 1]` of the letter tables.
    private let scaleOf: [Int]
    private let scaleStart: [Int]
    /// Every scale's letters: bytes back to back (`letterStart`), strings and values.
    private let letterBytes: [UInt8]
    private let letterStart: [Int]
    private let letterStrings: [String]
    private let letterValues: [Double]
    /// Whether each criterion's sub-component is scored by the mean of its answers.
    private let placeable: [Bool]
    /// One-byte letters by scale: `oneByte[scale * 128 + byte]` is the letter's index + 1 (0: none).
    private let oneByte: [Int32]
    /// Open addressing over the id bytes' hash: flat position + 1, 0 for an empty slot.
    private let slots: [Int32]

    init(_ scorer: Scorer) {
        rubricID = scorer.rubric.id
        idStrings = scorer.flatCriteria.map(\.id)
        var idBytes: [UInt8] = [], idStart: [Int] = [0]
        for id in idStrings {
            idBytes += id.utf8
            idStart.append(idBytes.count)
        }
        self.idBytes = idBytes
        self.idStart = idStart
        var scaleIndex: [String: Int] = [:]
        var scaleOf: [Int] = [], scaleStart: [Int] = [0]
        var letterBytes: [UInt8] = [], letterStart: [Int] = [0], letterStrings: [String] = [], letterValues: [Double] = []
        for flat in scorer.flatCriteria.indices {
            let scale = scorer.criterionScales[flat]
            if scaleIndex[scale.id] == nil {
                scaleIndex[scale.id] = scaleStart.count - 1
                for (letter, value) in scale.values {
                    letterBytes += letter.utf8
                    letterStart.append(letterBytes.count)
                    letterStrings.append(letter)
                    letterValues.append(value)
                }
                scaleStart.append(letterStrings.count)
            }
            scaleOf.append(scaleIndex[scale.id]!)
        }
        var oneByte = [Int32](repeating: 0, count: (scaleStart.count - 1) * 128)
        for scale in 0..<(scaleStart.count - 1) {
            // Backwards, so that the first of a repeated letter wins, as in the search.
            for i in (scaleStart[scale]..<scaleStart[scale + 1]).reversed() where letterStart[i + 1] - letterStart[i] == 1 {
                let byte = letterBytes[letterStart[i]]
                if byte < 0x80 { oneByte[scale * 128 + Int(byte)] = Int32(i + 1) }
            }
        }
        self.oneByte = oneByte
        self.scaleOf = scaleOf
        self.scaleStart = scaleStart
        self.letterBytes = letterBytes
        self.letterStart = letterStart
        self.letterStrings = letterStrings
        self.letterValues = letterValues
        placeable = scorer.flatCriteria.map { scorer.subcomponents[$0.sub].aggregation == .mean }
        var slots = [Int32](repeating: 0, count: Self.tableSize(for: idStrings.count))
        for flat in idStrings.indices {
            var slot = Self.hash(idBytes[idStart[flat]..<idStart[flat + 1]]) & (slots.count - 1)
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
    func locate(_ id: UnsafeBufferPointer<UInt8>, after previous: Int) -> Int? {
        idBytes.withUnsafeBufferPointer { all in
            let guess = previous + 1
            if guess < idStrings.count, Self.same(all, idStart[guess], idStart[guess + 1], id) { return guess }
            var slot = Self.hash(id) & (slots.count - 1)
            while slots[slot] != 0 {
                let flat = Int(slots[slot]) - 1
                if Self.same(all, idStart[flat], idStart[flat + 1], id) { return flat }
                slot = (slot + 1) & (slots.count - 1)
            }
            return nil
        }
    }

    /// Whether the criterion at `flat` is scored by the mean (its answers are placed).
    func isPlaceable(_ flat: Int) -> Bool { placeable[flat] }

    /// The letter's index in the letter tables when it is one of the criterion's scale, else nil.
    func letter(_ bytes: UnsafeBufferPointer<UInt8>, for flat: Int) -> Int? {
        let scale = scaleOf[flat]
        if bytes.count == 1 && bytes[0] < 0x80 {
            let found = oneByte[scale * 128 + Int(bytes[0])]
            return found == 0 ? nil : Int(found) - 1
        }
        return letterBytes.withUnsafeBufferPointer { all in
            for i in scaleStart[scale]..<scaleStart[scale + 1] where Self.same(all, letterStart[i], letterStart[i + 1], bytes) { return i }
            return nil
        }
    }

    func value(letter: Int) -> Double { letterValues[letter] }
    func letterString(_ letter: Int) -> String { letterStrings[letter] }

    @inline(__always)
    private static func same(_ all: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard end - start == b.count else { return false }
        var i = 0
        while i < b.count {
            if all[start + i] != b[i] { return false }
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

    init(_ placement: AnswerPlacement) {
        self.placement = placement
        criterionValues = [Double](repeating: .nan, count: placement.criterionCount)
        answerOffset = [Int](repeating: -1, count: placement.criterionCount)
        order.reserveCapacity(placement.criterionCount)
    }

    /// Places an answer; false (and nothing placed) when the full path would have anything to
    /// say about it.
    mutating func place(id: UnsafeBufferPointer<UInt8>, letter: UnsafeBufferPointer<UInt8>, offset: Int) -> Bool {
        let previous = order.isEmpty ? -1 : Int(order[order.count - 1].flat)
        guard let flat = placement.locate(id, after: previous), placement.isPlaceable(flat), answerOffset[flat] < 0,
              let index = placement.letter(letter, for: flat) else { return false }
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
