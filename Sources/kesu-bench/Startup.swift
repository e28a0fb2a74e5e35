import Foundation
import KesuCore

extension Bench {
  /// Where the time of `kesu classify "…"` goes before the first line is read: parsing and
  /// checking the knowledge files, then building the two automata. Best of five runs each.
  static func startup() throws {
    print("== start-up ==")
    let directory = try KnowledgeLocator.locate()
    func best(_ body: () throws -> Void) rethrows -> Double {
      var times: [Double] = []
      for _ in 0..<5 { times.append(try Measure.seconds(body) * 1000) }
      return times.min() ?? 0
    }
    var knowledge = KnowledgeBase()
    let load = try best { knowledge = try KnowledgeLoader.load(directory: directory) }
    report("load and check Knowledge/", String(format: "%.1f ms", load))
    let build = best { _ = Engine(knowledge: knowledge) }
    report("build the engine (two automata)", String(format: "%.1f ms", build))
    try codecs(knowledge)
  }
}
extension Bench {
  static func codecs(_ knowledge: KnowledgeBase) throws {
    let json = try JSONEncoder().encode(knowledge)
    var t = Measure.now()
    _ = try JSONDecoder().decode(KnowledgeBase.self, from: json)
    report("json decode \(json.count)", String(format: "%.1f ms", Double(Measure.now() - t) / 1e6))
    let enc = PropertyListEncoder(); enc.outputFormat = .binary
    let plist = try enc.encode(knowledge)
    t = Measure.now()
    _ = try PropertyListDecoder().decode(KnowledgeBase.self, from: plist)
    report("plist decode \(plist.count)", String(format: "%.1f ms", Double(Measure.now() - t) / 1e6))
  }
}
