/// Encodes any `Encodable` value as indented JSON, deterministically: keys in the order the
/// value's `encode(to:)` writes them (Foundation's encoder may reorder them), two-space indents,
/// numbers in their shortest round-trip form (whole numbers without a fraction), and `null` for a
/// nil optional, so a field is never silently absent. The bytes are written as the value is
/// encoded; no intermediate tree is built.
///
/// ```swift
/// let json: String = try JSONWriter.encode(result)   // what `--format json` prints
/// ```
public enum JSONWriter {
    public static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try encodeBytes(value), as: UTF8.self)
    }

    /// The same JSON as UTF-8 bytes, as written.
    public static func encodeBytes(_ value: some Encodable) throws -> [UInt8] {
        let writer = Writer()
        try writer.encodeValue(value)
        writer.out.append(UInt8(ascii: "\n"))
        return writer.out
    }
}

/// The output and the stack of open containers; shared by every container of one encoding.
final class Writer {
    enum Kind { case pending, object, array, scalar }
    struct Frame {
        var kind: Kind = .pending
        var count = 0
    }

    var out: [UInt8] = []
    var frames: [Frame] = []

    init() { out.reserveCapacity(1 << 16) }

    /// Encodes one value in a frame of its own and closes whatever container it opened.
    func encodeValue(_ value: some Encodable) throws {
        frames.append(Frame())
        try value.encode(to: JSONValueEncoder(writer: self, codingPath: []))
        let frame = frames.removeLast()
        switch frame.kind {
        case .object: close(frame, "}")
        case .array: close(frame, "]")
        case .pending: out += Array("{}".utf8)  // encode(to:) that wrote nothing: an empty object
        case .scalar: break
        }
    }

    private func close(_ frame: Frame, _ bracket: Character) {
        let byte = bracket.asciiValue!
        if frame.count == 0 {
            out.append(byte == UInt8(ascii: "}") ? UInt8(ascii: "{") : UInt8(ascii: "["))
        } else {
            out.append(UInt8(ascii: "\n"))
            indent(frames.count)
        }
        out.append(byte)
    }

    func open(_ kind: Kind) {
        if frames[frames.count - 1].kind == .pending { frames[frames.count - 1].kind = kind }
    }

    /// Starts the next member of the current container: its separator, indent and key.
    func beginMember(key: String?) {
        let depth = frames.count
        var frame = frames[depth - 1]
        if frame.count == 0 {
            out.append(frame.kind == .object ? UInt8(ascii: "{") : UInt8(ascii: "["))
            out.append(UInt8(ascii: "\n"))
        } else {
            out.append(UInt8(ascii: ","))
            out.append(UInt8(ascii: "\n"))
        }
        frame.count += 1
        frames[depth - 1] = frame
        indent(depth)
        if let key {
            string(key)
            out.append(UInt8(ascii: ":"))
            out.append(UInt8(ascii: " "))
        }
    }

    private func indent(_ depth: Int) {
        for _ in 0..<depth { out.append(UInt8(ascii: " ")); out.append(UInt8(ascii: " ")) }
    }

    func scalar(_ text: String) {
        out += text.utf8
    }

    func number(_ value: Double) {
        // JSON has no NaN or infinity; a whole number is written without a fraction.
        if !value.isFinite { scalar("null") } else if value == value.rounded(), abs(value) < 1e15 { scalar(String(Int(value))) } else { scalar(String(value)) }
    }

    func string(_ text: String) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: out.append(byte)  // UTF-8 passes through unchanged
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

struct JSONValueEncoder: Encoder {
    let writer: Writer
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        writer.open(.object)
        return KeyedEncodingContainer(KeyedWriter<Key>(writer: writer, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.open(.array)
        return UnkeyedWriter(writer: writer, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        writer.open(.scalar)
        return SingleValueWriter(writer: writer, codingPath: codingPath)
    }
}

struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: Writer
    var codingPath: [any CodingKey]

    private func member(_ key: Key, _ text: String) {
        writer.beginMember(key: key.stringValue)
        writer.scalar(text)
    }

    mutating func encodeNil(forKey key: Key) throws { member(key, "null") }
    mutating func encode(_ value: Bool, forKey key: Key) throws { member(key, value ? "true" : "false") }
    mutating func encode(_ value: String, forKey key: Key) throws {
        writer.beginMember(key: key.stringValue)
        writer.string(value)
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        writer.beginMember(key: key.stringValue)
        writer.number(value)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws { try encode(Double(value), forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { member(key, String(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { member(key, String(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { member(key, String(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { member(key, String(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { member(key, String(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { member(key, String(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { member(key, String(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { member(key, String(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { member(key, String(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { member(key, String(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        writer.beginMember(key: key.stringValue)
        try writer.encodeValue(value)
    }

    // A nil optional is written as null rather than left out.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? encodeNil(forKey: key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? encodeNil(forKey: key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? encodeNil(forKey: key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? encodeNil(forKey: key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? encodeNil(forKey: key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? encodeNil(forKey: key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? encodeNil(forKey: key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? encodeNil(forKey: key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? encodeNil(forKey: key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? encodeNil(forKey: key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? encodeNil(forKey: key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? encodeNil(forKey: key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? encodeNil(forKey: key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? encodeNil(forKey: key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try value.map { try encode($0, forKey: key) } ?? encodeNil(forKey: key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("sakip's results do not use nested containers")
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        preconditionFailure("sakip's results do not use nested containers")
    }
    mutating func superEncoder() -> any Encoder { preconditionFailure("sakip's results do not use super encoders") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { preconditionFailure("sakip's results do not use super encoders") }
}

struct UnkeyedWriter: UnkeyedEncodingContainer {
    let writer: Writer
    var codingPath: [any CodingKey]
    var count: Int { writer.frames[writer.frames.count - 1].count }

    mutating func encodeNil() throws {
        writer.beginMember(key: nil)
        writer.scalar("null")
    }
    mutating func encode(_ value: String) throws {
        writer.beginMember(key: nil)
        writer.string(value)
    }
    mutating func encode(_ value: Double) throws {
        writer.beginMember(key: nil)
        writer.number(value)
    }
    mutating func encode(_ value: Int) throws {
        writer.beginMember(key: nil)
        writer.scalar(String(value))
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        writer.beginMember(key: nil)
        try writer.encodeValue(value)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("sakip's results do not use nested containers")
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { preconditionFailure("sakip's results do not use nested containers") }
    mutating func superEncoder() -> any Encoder { preconditionFailure("sakip's results do not use super encoders") }
}

struct SingleValueWriter: SingleValueEncodingContainer {
    let writer: Writer
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { writer.scalar("null") }
    mutating func encode(_ value: Bool) throws { writer.scalar(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { writer.string(value) }
    mutating func encode(_ value: Double) throws { writer.number(value) }
    mutating func encode(_ value: Float) throws { writer.number(Double(value)) }
    mutating func encode(_ value: Int) throws { writer.scalar(String(value)) }
    mutating func encode(_ value: Int8) throws { writer.scalar(String(value)) }
    mutating func encode(_ value: Int16) throws { writer.scalar(String(value)) }
    mutating func encode(_ value: Int32) throws { writer.scalar(String(value)) }
    mutating func encode(_ value: Int64) throws { writer.scalar(String(value)) }
    mutating func encode(_ value: UInt) throws { writer.scalar(String(value)) }
    mutating func encode(_ value: UInt8) throws { writer.scalar(String(value)) }
    mutating func encode(_ value: UInt16) throws { writer.scalar(String(value)) }
    mutating func encode(_ value: UInt32) throws { writer.scalar(String(value)) }
    mutating func encode(_ value: UInt64) throws { writer.scalar(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        // The value decides what it is (a wrapper may encode a container through a single value).
        writer.frames[writer.frames.count - 1].kind = .pending
        try value.encode(to: JSONValueEncoder(writer: writer, codingPath: codingPath))
    }
}
