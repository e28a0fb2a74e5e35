import Foundation
import KesuCore

/// Where the per-utterance time goes, in process, over the labelled lines of the tuning sets
/// (real people's wording): each row adds one stage to the one above, so the differences are
/// what each stage costs.
enum Stages {
  static func run(_ engine: Engine) {
    print("== classify, stage by stage (labelled lines) ==")
    guard let block = Bench.labelledCorpus(bytes: 0) else {
      Bench.report("labelled lines", "not found (run from the package folder)")
      return
    }
    let lines = block.split(separator: "\n").map(String.init)
    let megabytes = Double(block.utf8.count) / 1e6
    let normalizer = TextNormalizer.shared
    let matcher = engine.classifier.matcher
    let advisor = UtteranceAdvice(advisor: engine.advisor)
    var sink = 0
    func time(_ label: String, _ body: (String) -> Int) {
      let rounds = 5
      let seconds = Measure.seconds {
        for _ in 0..<rounds { for line in lines { sink &+= body(line) } }
      }
      let perLine = seconds / Double(rounds * lines.count) * 1e6
      Bench.report(label, String(format: "%.1f µs per line, %.1f MB/s", perLine, megabytes * Double(rounds) / seconds))
    }
    Bench.report("lines", String(format: "%d, %.0f bytes on average", lines.count, Double(block.utf8.count) / Double(lines.count)))
    time("normalize") { normalizer.normalize($0).scalars.count }
    time("normalize + match cues") { matcher.match(normalizer.normalize($0)).fired.count }
    time("classify (adds rules, weights, evidence)") { engine.classifier.classify($0).situations.count }
    time("classify + advice + JSON") { line in
      let reading = engine.classifier.classify(line)
      var writer = JSONWriter()
      writer.beginObject()
      writer.readingCore(reading)
      writer.fields(advisor.adviseWithJSON(reading).json)
      writer.endObject()
      return writer.bytes.count
    }
    if sink == 42 { print("") }
  }
}
