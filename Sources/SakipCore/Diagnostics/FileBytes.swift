#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files as bytes with POSIX calls: no `String` and no `Data` on the hot path.
package enum FileBytes {
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: Message
        public var message: Message { "cannot read \(path): \(reason)" }
        public var description: String { message.description }
    }

    /// Writes every byte to an open descriptor, however many calls that takes; the `errno` of
    /// a failed write, else nil. The command line's output goes through here, so that no other
    /// file of the package calls the C library by its platform's name.
    package static func write(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let written = systemWrite(descriptor, raw.baseAddress! + done, raw.count - done)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return written < 0 ? errno : EIO }
                done += written
            }
            return nil
        }
    }

    /// The C library's text for an `errno`.
    package static func describe(_ failure: Int32) -> String { String(cString: strerror(failure)) }

    /// Whether a descriptor is a terminal (a person reads it), not a file or a pipe.
    package static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    private static func tooLarge(_ path: String) -> ReadError {
        ReadError(path: path, reason: "larger than \(InputLimits.describe(InputLimits.inputBytes)), the most sakip reads from one input; split it into several files")
    }

    package static func read(_ path: String) throws(ReadError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw ReadError(path: path, reason: Message(verbatim: String(cString: strerror(errno)))) }
        defer { close(fd) }
        return try read(descriptor: fd, name: path)
    }

    /// Reads an open descriptor (a file, standard input, a pipe) to its end; does not close it.
    package static func read(descriptor fd: Int32, name path: String) throws(ReadError) -> [UInt8] {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ReadError(path: path, reason: Message(verbatim: String(cString: strerror(errno)))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw ReadError(path: path, reason: "is a directory") }

        let limit = InputLimits.inputBytes
        if Int(info.st_size) > limit { throw tooLarge(path) }

        // st_size is a hint (0 for pipes): read into uninitialised capacity until end of file.
        var bytes: [UInt8] = []
        var capacity = max(Int(info.st_size) + 1, 4096)
        while true {
            // A pipe says nothing of its size: stop reading one byte past the limit.
            if bytes.count > limit { throw tooLarge(path) }
            capacity = min(capacity, limit + 2)
            var failure: Int32 = 0
            var reachedEnd = false
            let previous = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                let base = buffer.baseAddress!
                prefault(base, capacity)
                previous.withUnsafeBufferPointer { old in
                    if old.count > 0 { base.initialize(from: old.baseAddress!, count: old.count) }
                }
                count = previous.count
                while count < capacity {
                    let n = systemRead(fd, base + count, capacity - count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if n == 0 {
                        reachedEnd = true
                        return
                    }
                    count += n
                }
            }
            if failure != 0 { throw ReadError(path: path, reason: Message(verbatim: String(cString: strerror(failure)))) }
            if reachedEnd {
                if bytes.count > limit { throw tooLarge(path) }
                return bytes
            }
            capacity *= 2
        }
    }
}

/// Maps a large buffer's pages in one call before it is filled: `read` would otherwise take a
/// page fault for every 4 KB it writes, and on a virtual machine each costs microseconds.
/// Advice only: a kernel without `MADV_POPULATE_WRITE` (before Linux 5.14) declines it.
private func prefault(_ base: UnsafeMutablePointer<UInt8>, _ count: Int) {
    #if os(Linux)
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    guard count >= 1 << 20, page > 0 else { return }
    let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
    let end = (Int(bitPattern: base) + count) & ~(page - 1)
    guard end > start, let first = UnsafeMutableRawPointer(bitPattern: start) else { return }
    _ = madvise(first, end - start, 23 /* MADV_POPULATE_WRITE */)
    #endif
}

@inline(__always)
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Darwin)
    return Darwin.write(fd, buffer, count)
    #else
    return Glibc.write(fd, buffer, count)
    #endif
}

@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    #if canImport(Darwin)
    return Darwin.read(fd, buffer, count)
    #else
    return Glibc.read(fd, buffer, count)
    #endif
}
