extension String {
    /// Makes a string from UTF-8 bytes, or `nil` if they are not valid UTF-8.
    ///
    /// Faster than `String(validating:as:)` on hot paths: the standard library's repairing decoder
    /// does the work, and invalid input is recognised by the U+FFFD it leaves (valid input that
    /// itself holds U+FFFD is told apart by comparing bytes).
    ///
    /// - Parameter bytes: the candidate UTF-8.
    @inlinable
    public init?(validUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        let suspect = text.utf8.withContiguousStorageIfAvailable { $0.contains(0xEF) } ?? true
        if suspect && !text.utf8.elementsEqual(bytes) { return nil }
        self = text
    }
}
