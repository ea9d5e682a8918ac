internal import CSakipZlib

/// A zip archive held in memory, read from its central directory with every offset and length
/// checked against the bytes before anything is expanded. Entries expand within a budget, and a
/// deflate stream that ends early, runs past its data or fails its checksum is an error: it can
/// neither read outside the input nor loop on it (ZIPFoundation's reader spins forever on a
/// truncated stream, found by fuzzing, so workbooks are read here).
package struct ZipArchive {
    struct Entry {
        var method: UInt16
        var checksum: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var dataOffset: Int
    }

    enum Failure: Error {
        /// What is wrong with the archive, as a sentence's end.
        case damaged(Message)
        /// The entry expands past the budget it was given.
        case tooLarge
    }

    private let bytes: [UInt8]
    private(set) var entries: [String: Entry] = [:]

    init(_ bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        guard let end = Self.endRecord(bytes) else { throw .damaged("it has no zip directory") }
        let count = Int(u16(end + 10)), size = Int(u32(end + 12)), start = Int(u32(end + 16))
        // A ZIP64 archive has its locator just before the end record; 0xFFFF entries alone is
        // an ordinary archive of 65,535 entries.
        guard !(end >= 20 && u32(end - 20) == 0x0706_4B50) else { throw .damaged("it is a ZIP64 archive, which no workbook under sakip's limits needs") }
        guard start + size <= end else { throw .damaged("its directory lies outside the file") }
        var offset = start
        for _ in 0..<count {
            guard offset + 46 <= end, u32(offset) == 0x0201_4B50 else { throw .damaged("its directory is cut short") }
            let flags = u16(offset + 8), nameLength = Int(u16(offset + 28))
            let next = offset + 46 + nameLength + Int(u16(offset + 30)) + Int(u16(offset + 32))
            guard next <= end else { throw .damaged("its directory is cut short") }
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            guard flags & 1 == 0 else { throw .damaged("\(name) is encrypted") }
            let local = Int(u32(offset + 42))
            guard local + 30 <= bytes.count, u32(local) == 0x0403_4B50 else { throw .damaged("the entry \(name) points outside the file") }
            let data = local + 30 + Int(u16(local + 26)) + Int(u16(local + 28))
            let entry = Entry(method: u16(offset + 10), checksum: u32(offset + 16), compressedSize: Int(u32(offset + 20)),
                              uncompressedSize: Int(u32(offset + 24)), dataOffset: data)
            guard data + entry.compressedSize <= bytes.count else { throw .damaged("the entry \(name) runs past the end of the file") }
            entries[name] = entry
            offset = next
        }
    }

    /// The start of the end-of-central-directory record: the last signature within its possible
    /// span (22 bytes plus a comment of up to 65,535) that starts a whole record, comment included.
    static func endRecord(_ bytes: [UInt8]) -> Int? {
        let size = 22
        guard bytes.count >= size else { return nil }
        let lowest = max(0, bytes.count - size - 0xFFFF)
        for start in stride(from: bytes.count - size, through: lowest, by: -1)
        where bytes[start] == 0x50 && bytes[start + 1] == 0x4B && bytes[start + 2] == 0x05 && bytes[start + 3] == 0x06 {
            let comment = Int(bytes[start + 20]) | Int(bytes[start + 21]) << 8
            return start + size + comment <= bytes.count ? start : nil
        }
        return nil
    }

    /// The entry's bytes, at most `limit` of them.
    func expand(_ entry: Entry, limit: Int) throws(Failure) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, entry.uncompressedSize))
        _ = try expand(entry, limit: limit) { output.append(contentsOf: $0); return true }
        return output
    }

    /// Expands the entry chunk by chunk into `sink`, which returns false to stop early (then
    /// the result is false, and neither size nor checksum is checked). Nothing past the size
    /// the directory gives is expanded, and at most `limit` bytes: what the directory declares
    /// (checked against a budget first) bounds the work. A stream that ends early, runs past
    /// its data or fails its checksum is an error.
    func expand(_ entry: Entry, limit: Int, into sink: (UnsafeBufferPointer<UInt8>) -> Bool) throws(Failure) -> Bool {
        let input = bytes[entry.dataOffset..<(entry.dataOffset + entry.compressedSize)]
        var sum = crc32(0, nil, 0)
        var count = 0
        let checked: (UnsafeBufferPointer<UInt8>) -> Bool = { chunk in
            sum = crc32(sum, chunk.baseAddress, uInt(chunk.count))
            count += chunk.count
            return sink(chunk)
        }
        let finished: Bool
        switch entry.method {
        case 0:
            guard entry.compressedSize <= limit else { throw .tooLarge }
            finished = Self.stored(input, into: checked)
        case 8:
            do {
                finished = try Self.inflate(input, limit: min(limit, entry.uncompressedSize), into: checked)
            } catch .tooLarge where entry.uncompressedSize < limit {
                throw .damaged("an entry expands past the \(entry.uncompressedSize) bytes its directory gives")
            }
        default: throw .damaged("an entry is compressed by method \(entry.method), which workbooks do not use")
        }
        guard finished else { return false }
        guard count == entry.uncompressedSize else {
            throw .damaged("an entry expands to \(count) bytes where its directory says \(entry.uncompressedSize)")
        }
        guard UInt32(sum) == entry.checksum else { throw .damaged("an entry fails its checksum") }
        return true
    }

    /// A stored entry's bytes, in chunks of 64 KiB.
    private static func stored(_ input: ArraySlice<UInt8>, into sink: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        input.withUnsafeBufferPointer { all in
            var start = 0
            repeat {
                let end = min(start + (64 << 10), all.count)
                guard sink(UnsafeBufferPointer(rebasing: all[start..<end])) else { return false }
                start = end
            } while start < all.count
            return true
        }
    }

    /// Raw deflate, ending exactly at the end of the stream: input left over is ignored, input
    /// missing is an error.
    private static func inflate(_ input: ArraySlice<UInt8>, limit: Int, into sink: (UnsafeBufferPointer<UInt8>) -> Bool) throws(Failure) -> Bool {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .damaged("zlib cannot start")
        }
        defer { inflateEnd(&stream) }
        var total = 0
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var status = Z_OK
        let outcome: Result<Bool, Failure> = input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = uInt(source.count)
            repeat {
                let produced = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    status = CZlibInflate(&stream)
                    return buffer.count - Int(stream.avail_out)
                }
                total += produced
                guard total <= limit else { return .failure(.tooLarge) }
                if status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR { return .failure(.damaged("an entry's compressed data is corrupt")) }
                if produced > 0 {
                    let more = chunk.withUnsafeBufferPointer { sink(UnsafeBufferPointer(rebasing: $0[0..<produced])) }
                    guard more else { return .success(false) }
                }
                // No progress with the input used up: the stream is cut short.
                if status == Z_BUF_ERROR || (status == Z_OK && stream.avail_in == 0 && produced == 0) { return .failure(.damaged("an entry's compressed data ends early")) }
            } while status != Z_STREAM_END
            return .success(true)
        }
        // No pointer into the input or the chunk outlives the closures that lent them.
        stream.next_in = nil
        stream.next_out = nil
        return try outcome.get()
    }

    /// The CRC-32 of bytes, as zip archives store it.
    package static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
    }

    private func u16(_ offset: Int) -> UInt16 { UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8 }
    private func u32(_ offset: Int) -> UInt32 { UInt32(u16(offset)) | UInt32(u16(offset + 2)) << 16 }
}

/// `inflate` under a name that does not clash with the method above.
@inline(__always)
private func CZlibInflate(_ stream: inout z_stream) -> Int32 { inflate(&stream, Z_NO_FLUSH) }
