import Foundation

/// A labelled file for measuring the classifier (`text	type	situations	emotion`) or the
/// forbidden-phrase checker (`text	families`): tab-separated, a header line first, `-` for none.
public struct LabelledSet: Sendable {
  public struct Utterance: Sendable {
    public var line: Int
    public var text: String
    public var type: String
    public var situations: Set<String>
    public var emotion: Int
  }

  public struct AgentLine: Sendable {
    public var line: Int
    public var text: String
    public var families: Set<String>
  }

  /// A line of a safety set: whether it shows a crime or an emergency (nil: either reading is
  /// right), and the pattern it tries.
  public struct SafetyLine: Sendable {
    public var line: Int
    public var text: String
    public var criminal: Bool?
    public var emergency: Bool?
    public var pattern: String
  }

  public struct FormatError: Error, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): error: \(message)" }
  }

  /// Rows split on tabs, header dropped, with their 1-based line numbers.
  static func rows(_ contents: String, file: String, header: [String]) throws(FormatError) -> [(Int, [String])] {
    var rows: [(Int, [String])] = []
    for (index, raw) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
      if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      if index == 0 || (rows.isEmpty && fields.first == header.first) {
        guard fields == header else {
          throw FormatError(file: file, line: index + 1, message: "header must be '\(header.joined(separator: "\\t"))'")
        }
        continue
      }
      guard fields.count == header.count else {
        throw FormatError(file: file, line: index + 1, message: "expected \(header.count) tab-separated columns, found \(fields.count)")
      }
      rows.append((index + 1, fields))
    }
    return rows
  }

  static func labels(_ field: String) -> Set<String> {
    field == "-" || field.isEmpty ? [] : Set(field.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
  }

  /// Reads a classifier set; unknown ids are errors (so a typo in a label never counts as a miss).
  public static func utterances(_ contents: String, file: String, knowledge: KnowledgeBase) throws(FormatError) -> [Utterance] {
    var result: [Utterance] = []
    for (line, fields) in try rows(contents, file: file, header: ["text", "type", "situations", "emotion"]) {
      guard knowledge.type(fields[1]) != nil else {
        throw FormatError(file: file, line: line, message: "unknown type '\(fields[1])'")
      }
      let situations = labels(fields[2])
      if let unknown = situations.first(where: { knowledge.situation($0) == nil }) {
        throw FormatError(file: file, line: line, message: "unknown situation '\(unknown)'")
      }
      guard let emotion = Int(fields[3]), (0...3).contains(emotion) else {
        throw FormatError(file: file, line: line, message: "emotion must be 0-3, found '\(fields[3])'")
      }
      result.append(Utterance(line: line, text: fields[0], type: fields[1], situations: situations, emotion: emotion))
    }
    return result
  }

  static let safetyHeader = ["text", "criminal", "emergency", "pattern"]

  /// Whether `contents` is a safety set (by its header line).
  public static func isSafetySet(_ contents: String) -> Bool {
    contents.hasPrefix(safetyHeader.prefix(2).joined(separator: "\t"))
  }

  /// Reads a safety set (`text	criminal	emergency	pattern`: Y, N or ? for either; the pattern
  /// is free text or `-`).
  public static func safetyLines(_ contents: String, file: String) throws(FormatError) -> [SafetyLine] {
    var result: [SafetyLine] = []
    for (line, fields) in try rows(contents, file: file, header: safetyHeader) {
      var flags: [Bool?] = []
      for (column, field) in [(2, fields[1]), (3, fields[2])] {
        switch field {
        case "Y", "y": flags.append(true)
        case "N", "n": flags.append(false)
        case "?": flags.append(nil)
        default: throw FormatError(file: file, line: line, message: "column \(column) must be Y, N or ?, found '\(field)'")
        }
      }
      result.append(SafetyLine(line: line, text: fields[0], criminal: flags[0], emergency: flags[1], pattern: fields[3]))
    }
    return result
  }

  static let agentHeader = ["text", "families"]

  /// Whether `contents` is a set of agent lines (by its header line).
  public static func isAgentSet(_ contents: String) -> Bool {
    contents.hasPrefix(agentHeader.joined(separator: "\t"))
  }

  public static func agentLines(_ contents: String, file: String, knowledge: KnowledgeBase) throws(FormatError) -> [AgentLine] {
    var result: [AgentLine] = []
    for (line, fields) in try rows(contents, file: file, header: agentHeader) {
      let families = labels(fields[1])
      if let unknown = families.first(where: { knowledge.family($0) == nil }) {
        throw FormatError(file: file, line: line, message: "unknown forbidden family '\(unknown)'")
      }
      result.append(AgentLine(line: line, text: fields[0], families: families))
    }
    return result
  }
}
