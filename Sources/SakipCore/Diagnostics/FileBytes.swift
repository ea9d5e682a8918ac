#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files as bytes with POSIX calls: no `String` and no `Data` on the hot path.
public enum FileBytes {
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot read \(path): \(reason)" }
    }

    public static func read(_ path: String) throws(ReadError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw ReadError(path: path, reason: "is a directory") }

        var bytes: [UInt8] = []
        // st_size is a hint (0 for pipes); read until end of file either way.
        var chunk = max(Int(info.st_size) + 1, 64 * 1024)
        while true {
            let start = bytes.count
            bytes.reserveCapacity(start + chunk)
            var failure: Int32 = 0
            var reachedEnd = false
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            let filled = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
                let n = systemRead(fd, buffer.baseAddress! + start, chunk)
                if n < 0 { failure = errno } else if n == 0 { reachedEnd = true }
                return max(n, 0)
            }
            bytes.removeLast(chunk - filled)
            if failure != 0 { throw ReadError(path: path, reason: String(cString: strerror(failure))) }
            if reachedEnd { return bytes }
            chunk = max(chunk, bytes.count)
        }
    }
}

@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    #if canImport(Darwin)
    return Darwin.read(fd, buffer, count)
    #else
    return Glibc.read(fd, buffer, count)
    #endif
}
