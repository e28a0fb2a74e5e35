import Foundation
import KesuCore

extension Bench {
  /// Where the time of `kesu classify "…"` goes before the first line is read: parsing and
  /// checking the knowledge files and building the two automata (a cold start), or reading the
  /// compiled copy (`KnowledgeCache`, every later start). Best of five runs each.
  static func startup() throws {
    print("== start-up ==")
    let directory = KnowledgeLocator.locate()
    func best(_ body: () throws -> Void) rethrows -> Double {
      var times: [Double] = []
      for _ in 0..<5 { times.append(try Measure.seconds(body) * 1000) }
      return times.min() ?? 0
    }
    var knowledge = KnowledgeBase()
    let load = try best { knowledge = try KnowledgeLoader.load(directory: directory) }
    report("load and check Knowledge/ (YAML)", String(format: "%.1f ms", load))
    let build = best { _ = Engine(knowledge: knowledge) }
    report("build the engine (two automata)", String(format: "%.1f ms", build))
    let cache = folder + "/cache"
    let environment = ["KESU_CACHE_DIR": cache]
    try? FileManager.default.removeItem(atPath: cache)
    _ = try KnowledgeCache.engine(directory: directory, environment: environment)
    let size = ((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).compactMap {
      try? FileManager.default.attributesOfItem(atPath: cache + "/" + $0)[.size] as? Int
    }.reduce(0, +)
    let cached = try best { _ = try KnowledgeCache.engine(directory: directory, environment: environment) }
    report("engine from the compiled cache", String(format: "%.1f ms (%.1f MB file)", cached, Double(size) / 1e6))
  }
}
