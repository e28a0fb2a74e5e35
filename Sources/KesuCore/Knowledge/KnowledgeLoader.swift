import Dispatch
import Foundation
import Yams

/// Loads a knowledge folder, reporting every mistake (file, line, column) instead of crashing
/// or skipping: the result is either a fully checked `KnowledgeBase` or a `KnowledgeError`.
public enum KnowledgeLoader {
  /// Files every knowledge folder must have.
  static let requiredFiles = [
    "classifier.yaml", "types.yaml", "situations.yaml", "demands.yaml", "demeanors.yaml", "emotions.yaml", "stages.yaml",
    "forbidden.yaml", "principles.yaml", "escalation.yaml",
  ]

  /// - Parameter displayRoot: how the folder is named in diagnostics (defaults to `directory`).
  /// - Parameter learned: false to leave `learned.tsv` unread (`kb train` replaces it).
  public static func load(directory: String, displayRoot: String? = nil, learned: Bool = true) throws(KnowledgeError) -> KnowledgeBase {
    let sink = DiagnosticSink()
    let root = displayRoot ?? directory
    var base = KnowledgeBase()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw KnowledgeError([
        Diagnostic(file: root, line: 1, column: 1, message: "knowledge folder not found")
      ])
    }

    func missing(_ relative: String) -> Bool {
      !FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(relative))
    }
    let wordingFiles = yamlFiles(in: directory, sub: "wording").map { "wording/" + $0 }
    let scenarioFiles = yamlFiles(in: directory, sub: "scenarios").map { "scenarios/" + $0 }
    let optionalFiles = ["settings.yaml", "quiz.yaml", "words.yaml"].filter { !missing($0) }
    let parsed = parseAll(requiredFiles + optionalFiles + wordingFiles + scenarioFiles, in: directory)
    var words: [String: [String]] = [:]
    func open(_ relative: String) -> (YAMLReader, Fields)? {
      YAMLReader.open(
        parsed[relative] ?? YAMLReader.Parsed(path: (directory as NSString).appendingPathComponent(relative)),
        displayName: (root as NSString).appendingPathComponent(relative), sink: sink, words: words)
    }

    for file in requiredFiles where missing(file) {
      sink.error("missing file", at: SourceLocation(file: (root as NSString).appendingPathComponent(file), line: 1, column: 1))
    }
    // The word families first: cues in every other file may name them (`$staff`).
    if !missing("words.yaml"), let (r, m) = open("words.yaml") { words = r.readWords(m) }
    if let (r, m) = open("classifier.yaml") { base.classifier = r.readClassifier(m) }
    if !missing("settings.yaml"), let (r, m) = open("settings.yaml") { base.settings = r.readSettings(m) }
    // A file that could not be read leaves its kind of id unknown: references to it are not
    // reported again one by one (one mistake, one message).
    var unreadable: Set<Reference.Kind> = []
    if let (r, m) = open("types.yaml") { base.types = r.readTypes(m) } else { unreadable.insert(.type) }
    if let (r, m) = open("situations.yaml") { base.situations = r.readSituations(m) } else { unreadable.insert(.situation) }
    if learned, !missing(learnedFile) {
      base.learned = readLearned(
        (directory as NSString).appendingPathComponent(learnedFile), display: (root as NSString).appendingPathComponent(learnedFile),
        types: Set(base.types.map(\.id)), situations: Set(base.situations.map(\.id)), sink: sink)
    }
    if let (r, m) = open("demands.yaml") { base.demands = r.readDemands(m) }
    if let (r, m) = open("demeanors.yaml") { base.demeanors = r.readDemeanors(m) }
    if let (r, m) = open("emotions.yaml") { base.emotions = r.readEmotions(m) }
    if let (r, m) = open("stages.yaml") { base.stages = r.readStages(m) } else { unreadable.insert(.stage) }
    if let (r, m) = open("forbidden.yaml") { base.forbidden = r.readForbidden(m) } else { unreadable.insert(.family) }
    if let (r, m) = open("principles.yaml") { (base.principles, base.lists) = r.readPrinciples(m) } else {
      unreadable.insert(.principle)
    }
    if let (r, m) = open("escalation.yaml") { (base.ladder, base.triggers) = r.readEscalation(m) }
    if !missing("quiz.yaml"), let (r, m) = open("quiz.yaml") { base.quiz = r.readQuiz(m) }
    for file in wordingFiles {
      if let (r, m) = open(file) { base.wording += r.readWording(m) }
    }
    for file in scenarioFiles {
      if let (r, m) = open(file), let scenario = r.readScenario(m) { base.scenarios.append(scenario) }
    }

    KnowledgeValidator(base: base, sink: sink, unreadable: unreadable).validate()
    guard sink.isEmpty else { throw KnowledgeError(sink.diagnostics) }
    return base
  }

  /// The learned weights (see `LearnedModelFile`), next to the YAML files.
  public static let learnedFile = "learned.tsv"

  private static func readLearned(
    _ path: String, display: String, types: Set<String>, situations: Set<String>, sink: DiagnosticSink
  ) -> LearnedModel? {
    guard let data = FileManager.default.contents(atPath: path) else {
      sink.error("cannot read the file", at: SourceLocation(file: display, line: 1, column: 1))
      return nil
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      sink.error("not valid UTF-8", at: SourceLocation(file: display, line: 1, column: 1))
      return nil
    }
    return LearnedModelFile.read(text, file: display, types: types, situations: situations, sink: sink)
  }

  /// Just the names of types and situations, for a list that shows them (`kesu cases`): two
  /// files instead of all, nothing checked, never an error — an id stands in for a name it
  /// cannot find.
  public static func loadNames(directory: String) -> KnowledgeBase {
    let sink = DiagnosticSink()
    var base = KnowledgeBase()
    let parsed = parseAll(["types.yaml", "situations.yaml"], in: directory)
    func open(_ relative: String) -> (YAMLReader, Fields)? {
      parsed[relative].flatMap { YAMLReader.open($0, displayName: relative, sink: sink) }
    }
    if let (r, m) = open("types.yaml") { base.types = r.readTypes(m) }
    if let (r, m) = open("situations.yaml") { base.situations = r.readSituations(m) }
    return base
  }

  /// Every file parsed, on all cores; the diagnostics come later, in a fixed order.
  private static func parseAll(_ files: [String], in directory: String) -> [String: YAMLReader.Parsed] {
    // Each slot is written by exactly one iteration and read after all of them have finished.
    nonisolated(unsafe) let results = UnsafeMutableBufferPointer<YAMLReader.Parsed>.allocate(capacity: files.count)
    defer { results.deallocate() }
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
      let path = (directory as NSString).appendingPathComponent(files[index])
      (results.baseAddress! + index).initialize(to: YAMLReader.Parsed(path: path))
    }
    var parsed: [String: YAMLReader.Parsed] = [:]
    for (index, file) in files.enumerated() { parsed[file] = (results.baseAddress! + index).move() }
    return parsed
  }

  private static func yamlFiles(in directory: String, sub: String) -> [String] {
    let path = (directory as NSString).appendingPathComponent(sub)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
  }
}
