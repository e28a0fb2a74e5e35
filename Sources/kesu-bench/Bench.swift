import Foundation
import KesuCore

/// `swift run -c release kesu-bench [classify|transcript|state|cases|all]`: the speed and memory
/// figures the issues ask for, with `grep -o -F -f` over the same input as the floor.
@main
struct Bench {
  static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kesu-bench").path
  static var kesu: String {
    (CommandLine.arguments[0] as NSString).deletingLastPathComponent + "/kesu"
  }

  static func main() throws {
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let what = CommandLine.arguments.dropFirst().first ?? "all"
    let engine = try Engine.load(directory: KnowledgeLocator.locate())
    if what == "startup" || what == "all" { try startup() }
    if what == "classify" || what == "all" { try classify(engine) }
    if what == "state" || what == "all" { state(engine) }
    if what == "transcript" || what == "all" { try transcript(engine) }
    if what == "cases" || what == "all" { try cases(engine) }
  }

  static func report(_ label: String, _ value: String) {
    print(label.padding(toLength: 44, withPad: " ", startingAt: 0) + value)
  }

  static func phrasesFile(_ engine: Engine) throws -> String {
    let phrases = Set((engine.classifier.matcher.cues + engine.checker.matcher.cues).flatMap(\.cue.phrases))
    let path = folder + "/phrases.txt"
    try phrases.sorted().joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static func grep(_ engine: Engine, _ file: String, megabytes: Double) throws {
    guard let grep = Measure.which("grep") else { return }
    let phrases = try phrasesFile(engine)
    let run = Measure.run(grep, ["-o", "-F", "-f", phrases, file], stdout: folder + "/grep.out")
    report("grep -o -F -f (all cue phrases)", String(format: "%.1f MB/s (%.2f s)", megabytes / run.seconds, run.seconds))
  }

  static func classify(_ engine: Engine) throws {
    print("== classify ==")
    var corpus = Corpus(seed: 1)
    let text = corpus.utterances(bytes: 20 << 20)
    let lines = text.split(separator: "\n").map(String.init)
    let megabytes = Double(text.utf8.count) / 1e6
    var latencies: [Double] = []
    latencies.reserveCapacity(lines.count)
    var types = 0
    let total = Measure.seconds {
      for line in lines {
        let start = Measure.now()
        let reading = engine.classifier.classify(line)
        latencies.append(Double(Measure.now() - start) / 1e3)
        types &+= reading.type.id.count
      }
    }
    latencies.sort()
    report("corpus", String(format: "%.1f MB, %d utterances", megabytes, lines.count))
    report("in-process classify", String(format: "%.0f utterances/s, %.1f MB/s", Double(lines.count) / total, megabytes / total))
    report(
      "latency per utterance p50 / p99 / max",
      String(format: "%.1f / %.1f / %.1f µs", Measure.percentile(latencies, 0.5), Measure.percentile(latencies, 0.99), latencies.last ?? 0))

    let file = folder + "/utterances.txt"
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    let run = Measure.run(kesu, ["classify", "--json"], stdin: file, stdout: folder + "/kesu.out")
    report("kesu classify --json < corpus", String(format: "%.1f MB/s (%.2f s, exit %d)", megabytes / run.seconds, run.seconds, run.status))
    report("  peak memory", String(format: "%.1f MiB", run.peakMiB))
    let small = folder + "/utterances-small.txt"
    try lines.prefix(lines.count / 10).joined(separator: "\n").write(toFile: small, atomically: true, encoding: .utf8)
    let smallRun = Measure.run(kesu, ["classify", "--json"], stdin: small)
    report("  peak memory on 1/10 of the input", String(format: "%.1f MiB (flat if close to the above)", smallRun.peakMiB))
    try grep(engine, file, megabytes: megabytes)
    report("  ratio kesu / grep", "see the two MB/s figures above")
    var starts: [Double] = []
    for _ in 0..<15 { starts.append(Measure.run(kesu, ["classify", "你们必须赔偿我的损失,我要投诉!!!"]).seconds * 1000) }
    starts.sort()
    report("kesu classify \"…\" start to exit (median, max)", String(format: "%.1f ms, %.1f ms", starts[7], starts.last!))
  }

  static func state(_ engine: Engine) {
    print("== conversation state ==")
    var call = Conversation(engine: engine)
    var corpus = Corpus(seed: 2)
    var lastTimes: [Double] = []
    for turn in 0..<200 {
      let line = corpus.utterance()
      let start = Measure.now()
      if turn % 2 == 0 { call.customer(line) } else { call.agent(Corpus.agentLines[turn % Corpus.agentLines.count]) }
      let elapsed = Double(Measure.now() - start) / 1e6
      if turn >= 190 { lastTimes.append(elapsed) }
    }
    report("per-turn update at turns 190-200 (max)", String(format: "%.3f ms", lastTimes.max() ?? 0))
  }

  static func transcript(_ engine: Engine) throws {
    print("== transcript ==")
    var corpus = Corpus(seed: 3)
    let text = corpus.transcript(bytes: 60 << 20)
    let file = folder + "/transcript.txt"
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    let megabytes = Double(text.utf8.count) / 1e6
    report("transcript", String(format: "%.1f MB", megabytes))
    if let taskset = Measure.which("taskset") {
      let one = Measure.run(taskset, ["-c", "0", kesu, "analyze", "--json", file], stdout: folder + "/kesu.out")
      report("kesu analyze --json, one core", String(format: "%.1f MB/s (%.2f s), peak %.1f MiB", megabytes / one.seconds, one.seconds, one.peakMiB))
    }
    let both = Measure.run(kesu, ["analyze", "--json", file], stdout: folder + "/kesu.out")
    report("kesu analyze --json, both cores", String(format: "%.1f MB/s (%.2f s), peak %.1f MiB", megabytes / both.seconds, both.seconds, both.peakMiB))
    try grep(engine, file, megabytes: megabytes)
  }

  static func cases(_ engine: Engine) throws {
    print("== cases ==")
    let path = folder + "/cases.sqlite"
    for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let store = try CaseStore(path: path)
    var records: [CaseRecord] = []
    let now = Date()
    var call = Conversation(engine: engine)
    call.customer("我的宽带断了三天了,要赔五百")
    for index in 0..<100_000 {
      var record = CaseRecord.from(call, now: now)
      record.state = nil
      record.followUpDue = index % 3 == 0 ? nil : now.addingTimeInterval(Double(index % 1000 - 500) * 600)
      record.status = index % 4 == 0 ? .closed : .open
      records.append(record)
    }
    let insert = try Measure.seconds { try store.saveAll(records) }
    report("insert 100 000 cases (one transaction)", String(format: "%.2f s", insert))
    var listTimes: [Double] = []
    for _ in 0..<20 { listTimes.append(try Measure.seconds { _ = try store.openCases(limit: 50) } * 1000) }
    listTimes.sort()
    report("list the 50 most due (median, in-process)", String(format: "%.2f ms", listTimes[10]))
    let cli = (0..<5).map { _ in Measure.run(kesu, ["cases", "--db", path]).seconds * 1000 }.sorted()
    report("kesu cases on 100 000 (median, whole process)", String(format: "%.1f ms", cli[2]))
  }
}
