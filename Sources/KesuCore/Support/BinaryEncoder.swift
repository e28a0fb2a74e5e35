/// A compact Codable format for Kesu's compiled-knowledge cache: values one after another in
/// the order they are encoded, keys not written, integers and floats as raw little-endian
/// bytes, strings as a length and their UTF-8, an optional as a presence byte before its value.
/// Arrays of integers are copied as one block.
///
/// The format has no schema: only the build that wrote a file can read it, which is why the
/// cache key names the executable (`KnowledgeCache`). `BinaryDecoder` reads it back.
public enum BinaryEncoder {
  public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
    let sink = BinarySink()
    try sink.encodeValue(value)
    return sink.bytes
  }
}

/// Lets the encoder write a presence byte before an optional's value wherever it occurs.
protocol OptionalValue {
  var isNone: Bool { get }
}

extension Optional: OptionalValue {
  var isNone: Bool { self == nil }
}

final class BinarySink: Encoder {
  var bytes: [UInt8] = []
  var codingPath: [any CodingKey] = []
  var userInfo: [CodingUserInfoKey: Any] = [:]

  init() { bytes.reserveCapacity(1 << 20) }

  func raw<T: FixedWidthInteger>(_ value: T) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  func string(_ value: String) {
    var copy = value
    copy.withUTF8 { utf8 in
      raw(UInt32(utf8.count))
      bytes.append(contentsOf: utf8)
    }
  }

  func block<T: FixedWidthInteger>(_ values: [T]) {
    raw(UInt32(values.count))
    values.withUnsafeBytes { bytes.append(contentsOf: $0) }
  }

  /// Every value goes through here: integers, floats, strings and integer arrays are written
  /// directly, anything else encodes itself into this encoder.
  func encodeValue<T: Encodable>(_ value: T) throws {
    switch value {
    // First: a cast to String would also match a String? that holds one.
    case let value as OptionalValue where value.isNone: raw(UInt8(0))
    case is OptionalValue:
      raw(UInt8(1))
      try value.encode(to: self)  // Optional encodes its wrapped value into a single-value container
    case let value as String: string(value)
    case let value as Int: raw(Int64(value))
    case let value as Int32: raw(value)
    case let value as UInt32: raw(value)
    case let value as UInt16: raw(value)
    case let value as UInt8: raw(value)
    case let value as Double: raw(value.bitPattern)
    case let value as Bool: raw(UInt8(value ? 1 : 0))
    case let value as [UInt64]: block(value)
    case let value as [UInt32]: block(value)
    case let value as [UInt16]: block(value)
    case let value as [Int32]: block(value)
    case let value as [Float]: block(value.map(\.bitPattern))
    case let value as [Int]: block(value.map(Int64.init))
    default: try value.encode(to: self)
    }
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    KeyedEncodingContainer(KeyedSink<Key>(sink: self))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedSink(sink: self) }

  func singleValueContainer() -> any SingleValueEncodingContainer { UnkeyedSink(sink: self, counted: false) }
}

/// A keyed container that ignores its keys: fields are read back in the order they were written.
private struct KeyedSink<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let sink: BinarySink
  var codingPath: [any CodingKey] { [] }

  mutating func encodeNil(forKey key: Key) throws { sink.raw(UInt8(0)) }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try sink.encodeValue(value) }
  mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try sink.encodeValue(value) }
  mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try sink.encodeValue(value) }
  mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try sink.encodeValue(value) }
  mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try sink.encodeValue(value) }
  mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try sink.encodeValue(value) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  { sink.container(keyedBy: keyType) }
  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { UnkeyedSink(sink: sink) }
  mutating func superEncoder() -> any Encoder { sink }
  mutating func superEncoder(forKey key: Key) -> any Encoder { sink }
}

/// Unkeyed and single-value containers. An unkeyed container's count is not known until it is
/// finished: a placeholder is written first and filled in when the container goes away.
private final class UnkeyedSink: UnkeyedEncodingContainer, SingleValueEncodingContainer {
  let sink: BinarySink
  private let countAt: Int?
  private(set) var count = 0
  var codingPath: [any CodingKey] { [] }

  init(sink: BinarySink, counted: Bool = true) {
    self.sink = sink
    countAt = counted ? sink.bytes.count : nil
    if counted { sink.raw(UInt32(0)) }
  }

  deinit {
    guard let countAt else { return }
    withUnsafeBytes(of: UInt32(count).littleEndian) { sink.bytes.replaceSubrange(countAt..<(countAt + 4), with: $0) }
  }

  func encodeNil() throws {
    count += 1
    sink.raw(UInt8(0))
  }
  func encode<T: Encodable>(_ value: T) throws {
    count += 1
    try sink.encodeValue(value)
  }
  func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
    count += 1
    return sink.container(keyedBy: keyType)
  }
  func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    count += 1
    return UnkeyedSink(sink: sink)
  }
  func superEncoder() -> any Encoder { sink }
}
