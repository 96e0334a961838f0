extension String {
    /// Whether every character is ASCII: text that the generator's byte-level fast paths may take apart, since no
    /// byte of it combines with another into one Character (but `\r\n`, which they handle).
    package var isAllASCII: Bool {
        utf8.allSatisfy { $0 < 0x80 }
    }
}
