import Foundation
import Testing

@testable import KesuCore

@Suite struct JSONWriterTests {
  /// Numbers are written without making Strings; the text must stay what Swift itself prints,
  /// and the output must parse.
  @Test func numbersReadAsSwiftPrintsThem() throws {
    let values: [Double] = [0, 1, 0.63, 0.6, 0.05, 0.1, 0.99, 2.5, -0.5, -0.07, 0.333, 1234.56, 1e20, 86, -3]
    var writer = JSONWriter()
    writer.beginArray()
    for value in values { writer.double(nil, value) }
    for value in [0, 7, -12, 1_000_000, Int.max, Int.min + 1] { writer.int(nil, value) }
    writer.int(nil, nil)
    writer.endArray()
    let expected =
      values.map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int($0)) : String($0) }
      + [0, 7, -12, 1_000_000, Int.max, Int.min + 1].map(String.init) + ["null"]
    #expect(writer.text == "[" + expected.joined(separator: ",") + "]")
    #expect(try JSONSerialization.jsonObject(with: Data(writer.bytes)) is [Any])
  }

  @Test func nestedObjectsAndArraysGetTheirCommas() throws {
    var writer = JSONWriter()
    writer.beginObject()
    writer.string("a", "x\"y")
    writer.beginArray("b")
    writer.beginObject()
    writer.int("c", 1)
    writer.endObject()
    writer.beginObject()
    writer.endObject()
    writer.endArray()
    writer.null("d")
    writer.endObject()
    #expect(writer.text == #"{"a":"x\"y","b":[{"c":1},{}],"d":null}"#)
  }
}
