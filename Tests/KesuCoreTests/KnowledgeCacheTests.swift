import Foundation
import Testing

@testable import KesuCore

@Suite struct KnowledgeCacheTests {
  let engine = TestSupport.engine

  func reading(_ engine: Engine, _ text: String) -> String { JSONWriter.reading(engine.classifier.classify(text), advice: nil) }

  @Test func theCompiledFormReadsBackAsTheSameEngine() throws {
    let bytes = try BinaryEncoder.encode(KnowledgeCache.Entry(key: "k", engine: engine))
    let back = try BinaryDecoder.decode(KnowledgeCache.Entry.self, from: bytes)
    #expect(try BinaryEncoder.encode(back) == bytes)
    let copy = back.engine
    for line in TestSupport.fixture("classifier-tune.tsv").split(separator: "\n").dropFirst().prefix(120) {
      let text = String(line.split(separator: "\t").first ?? "")
      #expect(reading(copy, text) == reading(engine, text))
    }
    #expect(
      copy.checker.check("这是公司规定，我也没办法").violations.map(\.family)
        == engine.checker.check("这是公司规定，我也没办法").violations.map(\.family))
  }

  @Test func aCutShortOrForeignFileIsAnErrorNotACrash() throws {
    let bytes = try BinaryEncoder.encode(KnowledgeCache.Entry(key: "k", engine: engine))
    for length in [0, 3, 100, bytes.count / 2, bytes.count - 1] {
      #expect(throws: BinaryDecoder.Malformed.self) { try BinaryDecoder.decode(KnowledgeCache.Entry.self, from: Array(bytes.prefix(length))) }
    }
    #expect(throws: BinaryDecoder.Malformed.self) { try BinaryDecoder.decode(KnowledgeCache.Entry.self, from: [UInt8](repeating: 0xFF, count: 4096)) }
  }

  @Test func anEditedFolderIsReadAfreshAndADamagedEntryIsRebuilt() throws {
    let knowledge = TestSupport.knowledgeCopy()
    let cache = TestSupport.temporaryFolder().path
    let environment = ["KESU_CACHE_DIR": cache]
    defer { try? FileManager.default.removeItem(at: knowledge.deletingLastPathComponent()) }
    let line = "你们那个小张长得真好看,他几点下班"
    _ = try KnowledgeCache.engine(directory: knowledge.path, environment: environment)
    let entries = try FileManager.default.contentsOfDirectory(atPath: cache)
    #expect(entries.count == 1)
    #expect(reading(try KnowledgeCache.engine(directory: knowledge.path, environment: environment), line) == reading(engine, line))

    // A coach edits a file: the next start reads the YAML, not the old entry.
    let types = knowledge.appendingPathComponent("types.yaml")
    let edited = try String(contentsOf: types, encoding: .utf8).replacingOccurrences(of: "name: 跟踪狂型", with: "name: 跟踪型")
    try edited.write(to: types, atomically: true, encoding: .utf8)
    let fresh = try KnowledgeCache.engine(directory: knowledge.path, environment: environment)
    #expect(fresh.knowledge.type("stalker")?.name == "跟踪型")

    // A damaged entry (same name, bytes changed) is ignored and written again.
    for name in try FileManager.default.contentsOfDirectory(atPath: cache) {
      let path = (cache as NSString).appendingPathComponent(name)
      var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
      bytes[bytes.count / 2] ^= 0x5A
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      #expect(KnowledgeCache.read(path) == nil)
    }
    #expect(try KnowledgeCache.engine(directory: knowledge.path, environment: environment).knowledge.type("stalker")?.name == "跟踪型")
  }

  @Test func turnedOffItWritesNothing() throws {
    let cache = TestSupport.temporaryFolder().appendingPathComponent("cache").path
    _ = try KnowledgeCache.engine(directory: TestSupport.knowledgePath, environment: ["KESU_CACHE_DIR": cache, "KESU_CACHE": "off"])
    #expect(!FileManager.default.fileExists(atPath: cache))
  }
}
