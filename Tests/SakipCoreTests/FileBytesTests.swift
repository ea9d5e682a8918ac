import Foundation
import Testing
@testable import SakipCore

/// Whole files come back byte for byte, whatever their size: large ones are read into a buffer
/// whose pages are mapped before the read (see `prefault`).
@Suite("Reading files as bytes")
struct FileBytesTests {
    @Test(arguments: [0, 1, 4095, 4097, (1 << 20) - 1, 1 << 20, 3 << 20 | 12_345])
    func aFileComesBackWhole(size: Int) throws {
        let scratch = Scratch()
        let path = scratch.folder + "/bytes.bin"
        let written = (0 ..< size).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        try Data(written).write(to: URL(fileURLWithPath: path))
        #expect(try FileBytes.read(path) == written)
    }

    @Test func aFolderIsRefusedByName() throws {
        let scratch = Scratch()
        #expect(throws: FileBytes.ReadError.self) { try FileBytes.read(scratch.folder) }
    }
}
