/// Reads what `BinaryEncoder` wrote. A file that ends early or holds a count or length that
/// cannot be right is an error (`BinaryDecoder.Malformed`), never a crash: the cache it reads
/// may be truncated or written by another build.
public enum BinaryDecoder {
  public struct Malformed: Error, Sendable {}

  public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
    try bytes.withUnsafeBytes { try decode(type, from: $0) }
  }

  /// Reads in place (the cache is decoded straight from the file's bytes, not a copy).
  public static func decode<T: Decodable>(_ type: T.Type, from buffer: UnsafeRawBufferPointer) throws -> T {
    let source = BinarySource(buffer)
    let value = try source.decodeValue(T.self)
    guard source.offset == buffer.count else { throw Malformed() }
    return value
  }
}

final class BinarySource: Decoder {
  private let buffer: UnsafeRawBufferPointer
  private(set) var offset = 0
  var codingPath: [any CodingKey] = []
  var userInfo: [CodingUserInfoKey: Any] = [:]

  init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

  func raw<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
    let size = MemoryLayout<T>.size
    guard offset + size <= buffer.count else { throw BinaryDecoder.Malformed() }
    var value: T = 0
    withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + size)])) }
    offset += size
    return T(littleEndian: value)
  }

  func count(of size: Int) throws -> Int {
    let count = Int(try raw(UInt32.self))
    guard count * size <= buffer.count - offset else { throw BinaryDecoder.Malformed() }
    return count
  }

  func string() throws -> String {
    let length = try count(of: 1)
    defer { offset += length }
    return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + length)]), as: UTF8.self)
  }

  /// What an unkeyed container of strings holds (a count, then each string), without going
  /// through `Array.init(from:)`: the knowledge base holds thousands of phrase lists.
  func strings() throws -> [String] {
    let count = try count(of: 4)
    var result: [String] = []
    result.reserveCapacity(count)
    for _ in 0..<count { result.append(try string()) }
    return result
  }

  /// Floats written as their bit patterns (`BinarySink`), copied in one piece where the machine
  /// is little-endian like the file: the learned weights are a few megabytes.
  func floats() throws -> [Float] {
    #if _endian(little)
      let count = try count(of: 4)
      let bytes = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count * 4)])
      offset += bytes.count
      return [Float](unsafeUninitializedCapacity: count) { values, initialized in
        UnsafeMutableRawBufferPointer(values).copyMemory(from: bytes)
        initialized = count
      }
    #else
      return try block(UInt32.self).map(Float.init(bitPattern:))
    #endif
  }

  func block<T: FixedWidthInteger>(_ type: T.Type) throws -> [T] {
    let count = try count(of: MemoryLayout<T>.size)
    let bytes = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count * MemoryLayout<T>.size)])
    offset += bytes.count
    return [T](unsafeUninitializedCapacity: count) { values, initialized in
      UnsafeMutableRawBufferPointer(values).copyMemory(from: bytes)
      initialized = count
    }.map { T(littleEndian: $0) }
  }

  /// The mirror of `BinarySink.encodeValue`: checks by type identity, no dynamic casts of values.
  func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
    func cast<U>(_ value: U) -> T { value as! T }  // T is U here: checked just before
    if T.self == String.self { return cast(try string()) }
    if T.self == [String].self { return cast(try strings()) }
    if T.self == Int.self { return cast(Int(try raw(Int64.self))) }
    if T.self == Int32.self { return cast(try raw(Int32.self)) }
    if T.self == UInt32.self { return cast(try raw(UInt32.self)) }
    if T.self == UInt16.self { return cast(try raw(UInt16.self)) }
    if T.self == UInt8.self { return cast(try raw(UInt8.self)) }
    if T.self == Double.self { return cast(Double(bitPattern: try raw(UInt64.self))) }
    if T.self == Bool.self { return cast(try raw(UInt8.self) != 0) }
    if T.self == [UInt64].self { return cast(try block(UInt64.self)) }
    if T.self == [UInt32].self { return cast(try block(UInt32.self)) }
    if T.self == [UInt16].self { return cast(try block(UInt16.self)) }
    if T.self == [Int32].self { return cast(try block(Int32.self)) }
    if T.self == [Float].self { return cast(try floats()) }
    if T.self == [Int].self { return cast(try block(Int64.self).map(Int.init)) }
    return try T(from: self)
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    KeyedDecodingContainer(KeyedSource<Key>(source: self))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try UnkeyedSource(source: self, counted: true) }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { try UnkeyedSource(source: self, counted: false) }
}

/// Fields come back in the order they were written; the keys are not looked at.
private struct KeyedSource<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let source: BinarySource
  var codingPath: [any CodingKey] { [] }
  var allKeys: [Key] { [] }

  /// Every field was written, an absent optional as a presence byte: `decodeNil` reads it.
  func contains(_ key: Key) -> Bool { true }
  func decodeNil(forKey key: Key) throws -> Bool { try source.raw(UInt8.self) == 0 }
  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try source.decodeValue(type) }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  { try source.container(keyedBy: type) }
  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try source.unkeyedContainer() }
  func superDecoder() throws -> any Decoder { source }
  func superDecoder(forKey key: Key) throws -> any Decoder { source }
}

private final class UnkeyedSource: UnkeyedDecodingContainer, SingleValueDecodingContainer {
  let source: BinarySource
  let count: Int?
  private(set) var currentIndex = 0
  var codingPath: [any CodingKey] { [] }
  var isAtEnd: Bool { currentIndex >= (count ?? 1) }

  init(source: BinarySource, counted: Bool) throws {
    self.source = source
    count = counted ? try source.count(of: 1) : nil
  }

  private func next() throws {
    guard !isAtEnd else { throw BinaryDecoder.Malformed() }
    currentIndex += 1
  }

  func decodeNil() -> Bool {
    // Only an optional asks, and it was written with a presence byte. A file cut short reads
    // as absent here and fails on the next read.
    (try? source.raw(UInt8.self)) ?? 0 == 0
  }
  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    if count != nil { try next() }
    return try source.decodeValue(type)
  }
  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
    try next()
    return try source.container(keyedBy: type)
  }
  func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    try next()
    return try source.unkeyedContainer()
  }
  func superDecoder() throws -> any Decoder { source }
}
