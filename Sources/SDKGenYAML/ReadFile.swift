#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SDKGenBase

/// The bytes of the file at `path`, read with POSIX calls so a failure names its cause ("No such file or
/// directory", "Permission denied").
/// - Throws: `GenerationError` with one error diagnostic, without a location since there is no text to point into.
package func readFile(atPath path: String, maxBytes: Int) throws(GenerationError) -> [UInt8] {
    func failure(_ reason: String) -> GenerationError {
        GenerationError([.error("could not read '\(path)': \(reason)", at: nil)])
    }
    func systemError() -> GenerationError {
        failure(String(cString: strerror(errno)))
    }

    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw systemError() }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw systemError() }
    guard status.st_mode & S_IFMT != S_IFDIR else { throw failure("it is a directory") }
    let expectedSize = Int(status.st_size)
    guard expectedSize <= maxBytes else {
        throw failure("it is \(expectedSize) bytes, more than the limit of \(maxBytes)")
    }

    // One byte of room past the size `stat` reported, so a regular file ends in a single zero-byte read;
    // pipes and special files report no size and grow the buffer as they go.
    var bytes = [UInt8](repeating: 0, count: expectedSize + 1)
    var count = 0
    while true {
        if count == bytes.count {
            guard count <= maxBytes else {
                throw failure("it is more than the limit of \(maxBytes) bytes")
            }
            bytes.append(contentsOf: repeatElement(0, count: max(count, 64 * 1024)))
        }
        let received = bytes.withUnsafeMutableBytes { buffer in
            read(descriptor, buffer.baseAddress! + count, buffer.count - count)
        }
        if received == 0 { break }
        if received < 0 {
            if errno == EINTR { continue }
            throw systemError()
        }
        count += received
    }
    bytes.removeSubrange(count...)
    return bytes
}
