/// Values under text keys, in a fixed order: grade counts, grade probabilities, transition rows.
/// Encoded as a JSON object whose keys keep this order.
public struct KeyedValues<Value: Codable & Sendable & Hashable>: Sendable, Hashable, Codable {
    public var pairs: [Pair]

    public struct Pair: Sendable, Hashable {
        public var key: String
        public var value: Value
    }

    public init(_ pairs: [(String, Value)]) {
        self.pairs = pairs.map { Pair(key: $0.0, value: $0.1) }
    }

    public var keys: [String] { pairs.map(\.key) }
    public var values: [Value] { pairs.map(\.value) }

    public subscript(key: String) -> Value? { pairs.first { $0.key == key }?.value }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: StringCodingKey.self)
        for pair in pairs { try container.encode(pair.value, forKey: StringCodingKey(stringValue: pair.key)) }
    }

    /// Decoders need not keep a JSON object's key order; keys come back sorted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: StringCodingKey.self)
        pairs = try container.allKeys.sorted { $0.stringValue < $1.stringValue }.map { key in
            Pair(key: key.stringValue, value: try container.decode(Value.self, forKey: key))
        }
    }
}
