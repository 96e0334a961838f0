import CYAML
import Dispatch
import SDKGenBase

/// One of libyaml's events, copied out of libyaml's memory so that another thread can read it.
struct YAMLEvent: Sendable {
    enum Kind: Sendable {
        case scalar, sequenceStart, mappingStart, collectionEnd, alias, streamEnd
        /// The start of the stream's second document, which is not read: the stream's last event.
        case secondDocument
    }

    var kind: Kind
    /// Where the event starts, 1-based.
    var line: Int
    var column: Int
    /// A scalar's bytes: this range of its chunk's `bytes`.
    var bytes: Range<Int> = 0..<0
    var style = YAMLScalar.Style.plain
    var tag = ScalarResolver.Tag.none
    /// The anchor a scalar or collection defines, or the one an alias names.
    var anchor: String?
}

/// A run of events in document order, with the scalars' bytes they point into.
struct YAMLEventChunk: Sendable {
    /// What ended the stream, on the last chunk.
    enum End: Sendable {
        /// The stream's end, or the start of a second document, which is not read.
        case finished
        /// The parse error that stopped libyaml, after the chunk's events.
        case failed(Diagnostic)
    }

    var events: [YAMLEvent] = []
    var bytes: [UInt8] = []
    var end: End?
}

/// Reads YAML with libyaml's event parser into chunks of `YAMLEvent`s, handing each over as it fills.
///
/// libyaml's scanning is about half of loading a large spec; producing the events on one thread while the tree is
/// built from them on another overlaps the two (`YAMLLoader` decides when).
struct YAMLEventProducer {
    /// Events a chunk holds before it is handed over: large enough that handing over costs nothing, small enough
    /// that the builder starts at once.
    static let chunkSize = 4096

    let input: UnsafeBufferPointer<UInt8>
    let file: String

    /// Parses the whole stream (up to a second document) and hands over its chunks in order; stops early when `send`
    /// returns false. The last chunk handed over has an `end`.
    func produce(_ send: (YAMLEventChunk) -> Bool) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        // The parser and event live at allocated addresses: a `var` passed as `&parser` is only promised a
        // stable address for the length of one call, and libyaml's state spans many.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            _ = send(YAMLEventChunk(end: .failed(.error("could not parse YAML: out of memory", at: start))))
            return
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, input.baseAddress, input.count)

        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }
        var chunk = YAMLEventChunk()
        var documents = 0
        while true {
            guard yaml_parser_parse(parser, event) != 0 else {
                chunk.end = .failed(parseError(parser.pointee))
                _ = send(chunk)
                return
            }
            defer { yaml_event_delete(event) }
            let data = event.pointee.data
            let mark = event.pointee.start_mark
            var copied = YAMLEvent(kind: .streamEnd, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
            switch event.pointee.type {
            case YAML_DOCUMENT_START_EVENT:
                // The first document's start carries nothing the tree needs.
                documents += 1
                guard documents > 1 else { continue }
                copied.kind = .secondDocument
            case YAML_SCALAR_EVENT:
                copied.kind = .scalar
                let first = chunk.bytes.count
                chunk.bytes.append(contentsOf: UnsafeBufferPointer(start: data.scalar.value, count: data.scalar.length))
                copied.bytes = first..<chunk.bytes.count
                copied.style = style(data.scalar.style)
                copied.tag = data.scalar.tag.map { ScalarResolver.Tag(String(cString: $0)) } ?? .none
                copied.anchor = data.scalar.anchor.map { String(cString: $0) }
            case YAML_SEQUENCE_START_EVENT:
                copied.kind = .sequenceStart
                copied.anchor = data.sequence_start.anchor.map { String(cString: $0) }
            case YAML_MAPPING_START_EVENT:
                copied.kind = .mappingStart
                copied.anchor = data.mapping_start.anchor.map { String(cString: $0) }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                copied.kind = .collectionEnd
            case YAML_ALIAS_EVENT:
                copied.kind = .alias
                copied.anchor = String(cString: data.alias.anchor)
            case YAML_STREAM_END_EVENT:
                copied.kind = .streamEnd
            default:
                // Stream start and document end carry nothing the tree needs.
                continue
            }
            chunk.events.append(copied)
            // Only the first document is read: the start of a second ends the stream, as its end does.
            if copied.kind == .streamEnd || copied.kind == .secondDocument {
                chunk.end = .finished
                _ = send(chunk)
                return
            }
            if chunk.events.count == Self.chunkSize {
                guard send(chunk) else { return }
                chunk = YAMLEventChunk()
            }
        }
    }

    private func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// The diagnostic for the error that stopped `parser`.
    private func parseError(_ parser: yaml_parser_t) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        switch parser.error {
        case YAML_READER_ERROR:
            // The reader reports a byte offset and the offending value, not a line and column.
            let offset = min(Int(parser.problem_offset), input.count)
            let at = location(ofByte: offset)
            let value = Int(parser.problem_value)
            if problem == "control characters are not allowed" {
                let name = value == 0 ? "a NUL byte" : "the control character \(Self.hex(value, digits: 4, prefix: "U+"))"
                return .error("could not read YAML: the file contains \(name), which YAML does not allow", at: at)
            }
            let detail = value >= 0 ? "\(problem) \(Self.hex(value, digits: 2, prefix: "0x"))" : problem
            return .error("could not read YAML: the file is not valid UTF-8 or UTF-16 text (\(detail) at byte \(offset))", at: at)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            var message = "could not parse YAML: \(problem)"
            if let context = parser.context {
                let mark = parser.context_mark
                message += " (\(String(cString: context)) that started at line \(Int(mark.line) + 1), column \(Int(mark.column) + 1))"
            }
            // libyaml names a tab in the indentation only in some positions; say it in the others too.
            if problem == "found character that cannot start any token", byte(atCharacter: Int(parser.problem_mark.index)) == UInt8(ascii: "\t") {
                message += "; YAML does not allow tabs for indentation, use spaces"
            }
            let mark = parser.problem_mark
            return .error(message, at: SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1))
        default:
            return .error("could not parse YAML: \(problem)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// The line and column of the byte at `offset`, counting columns in characters as libyaml does.
    private func location(ofByte offset: Int) -> SourceLocation {
        var line = 1
        var column = 1
        var previous: UInt8 = 0
        for byte in input[min(byteOrderMarkLength, offset)..<offset] {
            if byte == UInt8(ascii: "\n") {
                // A CR LF pair is one line break.
                if previous != UInt8(ascii: "\r") { line += 1 }
                column = 1
            } else if byte == UInt8(ascii: "\r") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Not a UTF-8 continuation byte, so the start of a character.
                column += 1
            }
            previous = byte
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The first byte of the character at `index`, libyaml's mark index, which counts characters (a CR LF
    /// pair as two) from after any byte order mark.
    private func byte(atCharacter index: Int) -> UInt8? {
        var characters = -1
        for byte in input[byteOrderMarkLength...] where byte & 0xC0 != 0x80 {
            characters += 1
            if characters == index { return byte }
        }
        return nil
    }

    /// The length of a UTF-8 byte order mark at the start of the input, which libyaml skips without counting.
    private var byteOrderMarkLength: Int {
        input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    private static func hex(_ value: Int, digits: Int, prefix: String) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return prefix + String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

/// Chunks of events handed from the thread parsing the YAML to the one building its tree, in order.
final class YAMLEventChannel: @unchecked Sendable {
    // `mutex` guards the three properties below; `available` counts the chunks sent and not yet received.
    private let mutex = DispatchSemaphore(value: 1)
    private let available = DispatchSemaphore(value: 0)
    private var chunks: [YAMLEventChunk] = []
    private var nextChunk = 0
    private var isCancelled = false

    /// Hands `chunk` to the reader; false once the reader has stopped, and the parsing should stop too.
    func send(_ chunk: YAMLEventChunk) -> Bool {
        mutex.wait()
        let isCancelled = isCancelled
        if !isCancelled { chunks.append(chunk) }
        mutex.signal()
        if !isCancelled { available.signal() }
        return !isCancelled
    }

    /// The next chunk, waiting for it when it has not been sent yet.
    func receive() -> YAMLEventChunk {
        available.wait()
        mutex.wait()
        defer { mutex.signal() }
        // The chunk is moved out, so that the events already built from leave memory.
        let chunk = chunks[nextChunk]
        chunks[nextChunk] = YAMLEventChunk()
        nextChunk += 1
        return chunk
    }

    /// Tells the sender that no more chunks will be read.
    func cancel() {
        mutex.wait()
        isCancelled = true
        mutex.signal()
    }
}
