import ArgumentParser
import Dispatch
import Foundation
import KesuCore

struct AnalyzeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "analyze",
    abstract: "Suggestions for every customer turn of a transcript and an audit of every call.",
    discussion: """
      Reads FILEs (or standard input): 'SPEAKER: text' lines, JSON Lines or WebVTT, detected \
      automatically. Calls are analysed in parallel; the output keeps the input order.
      """)

  @OptionGroup var global: GlobalOptions
  @Flag(name: .long, help: "JSON Lines: one object per turn, then a summary per call.") var json = false
  @Option(name: .customLong("input-format"), help: "Force the format: lines, jsonl or vtt.") var inputFormat: InputFormatOption?
  @Flag(name: .long, help: "Store each analysed call as a case.") var record = false
  @Option(name: .long, help: "Case database for --record.") var db: String?
  @Argument(help: "Transcript files (default: standard input).") var files: [String] = []

  func run() throws {
    let engine = try global.loadEngine()
    let output: CallAnalyzer.Output = json ? .json : .text(Terminal.style, columns: Terminal.columns)
    let analyzer = CallAnalyzer(engine: engine, output: output)
    var store: CaseStore?
    if record {
      do { store = try CaseStore(path: db ?? CaseStore.defaultPath()) } catch {
        Terminal.error("kesu: \(error)")
        throw ExitCode(ExitStatus.database.rawValue)
      }
    }
    var writer = OutputBuffer()
    var table = AuditTable()
    var worst = ExitStatus.ok
    func note(_ status: ExitStatus) { if status.rawValue > worst.rawValue { worst = status } }
    let sources = files.isEmpty ? ["-"] : files
    for (index, path) in sources.enumerated() {
      let handle: FileHandle
      if path == "-" {
        handle = FileHandle.standardInput
      } else {
        guard FileManager.default.fileExists(atPath: path) else {
          Terminal.error("kesu: \(path): no such file")
          note(.missingFile)
          continue
        }
        guard let opened = FileHandle(forReadingAtPath: path) else {
          Terminal.error("kesu: \(path): cannot read (permission denied?)")
          note(.unreadable)
          continue
        }
        handle = opened
      }
      let name = path == "-" ? "<stdin>" : path
      let prefix = sources.count > 1 ? "\((path as NSString).lastPathComponent)#" : ""
      var parser = TranscriptParser(source: name, format: inputFormat?.format, callPrefix: prefix)
      var batch = CallBatch(analyzer: analyzer)
      var trouble = InputTrouble()
      var reader = LineReader(handle: handle)
      func flush() {
        for warning in parser.warnings { Terminal.error("kesu: " + warning) }
        parser.clearWarnings()
        for result in batch.run() {
          for line in result.lines { writer.line(global.display(line)) }
          table.add(result.audit)
          if let store { recordCase(result.conversation, in: store) }
        }
        writer.flush()
      }
      do {
        while let line = try reader.next() {
          guard trouble.note(line, source: name) else { break }
          batch.add(parser.feed(line.text, line: line.number))
          if batch.isFull { flush() }
        }
      } catch {
        trouble.raise(.io, "\(name): read error: \(error.localizedDescription)")
      }
      batch.add(parser.finish())
      flush()
      if index < sources.count - 1, !json { writer.line("") }
      note(trouble.finish(source: name))
      for warning in trouble.warnings { Terminal.error("kesu: " + warning) }
    }
    if table.calls > 1 { writer.line(global.display(json ? table.json() : table.render(knowledge: engine.knowledge, style: Terminal.style))) }
    writer.flush()
    if worst != .ok { throw ExitCode(worst.rawValue) }
  }

  func recordCase(_ conversation: Conversation, in store: CaseStore) {
    do {
      let record = CaseRecord.from(
        conversation, source: "analyze", revealed: conversation.state.facts.map(\.raw).filter { !$0.isEmpty })
      let id = try store.save(record)
      Terminal.error("kesu: recorded case #\(id)")
    } catch {
      Terminal.error("kesu: could not record case: \(error)")
    }
  }
}

enum InputFormatOption: String, ExpressibleByArgument, CaseIterable {
  case lines, jsonl, vtt
  var format: TranscriptFormat { TranscriptFormat(rawValue: rawValue)! }
}

/// Calls waiting to be analysed; analysed in parallel over the cores, results in input order.
struct CallBatch {
  let analyzer: CallAnalyzer
  private(set) var calls: [TranscriptParser.Call] = []
  private var characters = 0

  init(analyzer: CallAnalyzer) { self.analyzer = analyzer }

  var isFull: Bool { calls.count >= 256 || characters >= 1 << 21 }

  mutating func add(_ new: [TranscriptParser.Call]) {
    calls += new
    for call in new { characters += call.turns.reduce(0) { $0 + $1.text.utf8.count } }
  }

  mutating func run() -> [(lines: [String], audit: CallAudit, conversation: Conversation)] {
    defer {
      calls.removeAll(keepingCapacity: true)
      characters = 0
    }
    let work = calls
    let analyzer = self.analyzer
    let slots = ResultSlots(count: work.count)
    DispatchQueue.concurrentPerform(iterations: work.count) { index in
      slots.set(index, analyzer.analyze(work[index]))
    }
    return slots.values()
  }
}

/// One slot per call, each written by exactly one worker.
final class ResultSlots: @unchecked Sendable {
  private var slots: [(lines: [String], audit: CallAudit, conversation: Conversation)?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: (lines: [String], audit: CallAudit, conversation: Conversation)) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  func values() -> [(lines: [String], audit: CallAudit, conversation: Conversation)] { slots.compactMap { $0 } }
}
