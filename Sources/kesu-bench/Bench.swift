import Foundation
import KesuCore

/// `swift run -c release kesu-bench [startup|classify|stages|transcript|state|cases|all]`: the
/// speed and memory figures the issues ask for, with `grep -o -F -f` over the same input as the
/// floor.
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
    if what == "stages" || what == "all" { Stages.run(engine) }
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

  /// grep's MB/s over the same file, or nil without grep.
  @discardableResult
  static func grep(_ engine: Engine, _ file: String, megabytes: Double) throws -> Double? {
    guard let grep = Measure.which("grep") else { return nil }
    let phrases = try phrasesFile(engine)
    let run = Measure.run(grep, ["-o", "-F", "-f", phrases, file], stdout: folder + "/grep.out")
    report("grep -o -F -f (all cue phrases)", String(format: "%.1f MB/s (%.2f s)", megabytes / run.seconds, run.seconds))
    return megabytes / run.seconds
  }

  /// `kesu classify --json` over a file: MB/s in, and how many bytes of JSON per byte of input.
  static func classifyJSON(_ label: String, _ file: String, megabytes: Double) -> Double {
    let out = folder + "/kesu.out"
    let run = Measure.run(kesu, ["classify", "--json"], stdin: file, stdout: out)
    let written = Double((try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0) / 1e6
    report(
      label,
      String(format: "%.1f MB/s (%.2f s, exit %d; %.0f bytes of JSON per byte in)", megabytes / run.seconds, run.seconds, run.status, written / megabytes))
    report("  peak memory", String(format: "%.1f MiB", run.peakMiB))
    return megabytes / run.seconds
  }

  /// The labelled sentences of the tuning sets, repeated to about `bytes`: real people's lines,
  /// fewer cues per character than the generated corpus.
  static func labelledCorpus(bytes: Int) -> String? {
    let fixtures = (KnowledgeLocator.locate() as NSString).deletingLastPathComponent + "/Tests/Fixtures"
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? [])
      .filter { $0.hasPrefix("classifier-tune") && $0.hasSuffix(".tsv") }.sorted()
    let lines = names.flatMap { name in
      ((try? String(contentsOfFile: fixtures + "/" + name, encoding: .utf8)) ?? "").split(separator: "\n").dropFirst()
        .compactMap { $0.split(separator: "\t").first.map(String.init) }
    }
    guard !lines.isEmpty else { return nil }
    let block = lines.joined(separator: "\n") + "\n"
    return String(repeating: block, count: max(1, bytes / block.utf8.count))
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
    // The first command after an edit of Knowledge/ rebuilds the compiled cache (a YAML parse, more
    // memory and time): warm it, so the figures below are the steady state.
    _ = Measure.run(kesu, ["classify", "预热"])
    let kesuRate = classifyJSON("kesu classify --json < corpus", file, megabytes: megabytes)
    let small = folder + "/utterances-small.txt"
    try lines.prefix(lines.count / 10).joined(separator: "\n").write(toFile: small, atomically: true, encoding: .utf8)
    let smallRun = Measure.run(kesu, ["classify", "--json"], stdin: small)
    report("  peak memory on 1/10 of the input", String(format: "%.1f MiB (flat if close to the above)", smallRun.peakMiB))
    if let grepRate = try grep(engine, file, megabytes: megabytes) {
      report("  ratio kesu / grep", String(format: "%.2f", kesuRate / grepRate))
    }
    if let labelled = labelledCorpus(bytes: 10 << 20) {
      let path = folder + "/labelled.txt"
      try labelled.write(toFile: path, atomically: true, encoding: .utf8)
      _ = classifyJSON("kesu classify --json < labelled lines", path, megabytes: Double(labelled.utf8.count) / 1e6)
    }
    let line = "你们必须赔偿我的损失,我要投诉!!!"
    func startToExit(_ executable: String, _ arguments: [String]) -> String {
      let times = (0..<15).map { _ in Measure.run(executable, arguments).seconds * 1000 }.sorted()
      return String(format: "%.1f ms, %.1f ms", times[7], times.last!)
    }
    _ = Measure.run(kesu, ["classify", line])  // writes the compiled knowledge cache if needed
    report("kesu classify \"…\" start to exit, median/max", startToExit(kesu, ["classify", line]))
    if let env = Measure.which("env") {
      report("  without the cache (KESU_CACHE=off)", startToExit(env, ["KESU_CACHE=off", kesu, "classify", line]))
    }
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
