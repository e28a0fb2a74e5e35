import Foundation
import Yams

/// Reads one knowledge file: parses it, checks `version: 1`, and offers typed field access
/// that reports every mistake to the sink with file, line and column instead of failing.
struct YAMLReader {
  let file: String
  let sink: DiagnosticSink
  /// The word families of `words.yaml`, for cues that name one (`$staff`).
  var words: [String: [String]] = [:]

  /// A file read and parsed, not yet checked: parsing is the slow part of loading, and files
  /// parse independently, so the loader parses them all at once on every core.
  enum Parsed: @unchecked Sendable {
    case unreadable
    case notUTF8
    case malformed(Error)
    case document(Node?)

    init(path: String) {
      guard let data = FileManager.default.contents(atPath: path) else {
        self = .unreadable
        return
      }
      guard let text = String(validating: data, as: UTF8.self) else {
        self = .notUTF8
        return
      }
      do {
        // The basic resolver: every scalar is a string until a getter converts it (no regular
        // expressions per scalar, which made start-up slow).
        self = .document(try Yams.compose(yaml: text, .basic))
      } catch {
        self = .malformed(error)
      }
    }
  }

  /// Checks a parsed file and returns its top-level mapping, or nil after reporting why not.
  static func open(_ parsed: Parsed, displayName: String, sink: DiagnosticSink, words: [String: [String]] = [:])
    -> (YAMLReader, Fields)?
  {
    let reader = YAMLReader(file: displayName, sink: sink, words: words)
    let start = SourceLocation(file: displayName, line: 1, column: 1)
    let root: Node?
    switch parsed {
    case .unreadable:
      sink.error("cannot read file", at: start)
      return nil
    case .notUTF8:
      sink.error("file is not valid UTF-8", at: start)
      return nil
    case .malformed(let error as YamlError):
      reader.report(error)
      return nil
    case .malformed(let error):
      sink.error("malformed YAML: \(error)", at: start)
      return nil
    case .document(let node):
      root = node
    }
    guard let root, let mapping = root.mapping.map(Fields.init) else {
      sink.error("expected a mapping with 'version: 1' at the top", at: start)
      return nil
    }
    guard let version = mapping[field: "version"] else {
      sink.error("missing 'version: 1'", at: start)
      return nil
    }
    guard version.int == 1 else {
      sink.error("unsupported version '\(version.string ?? "?")' (expected 1)", at: reader.location(of: version))
      return nil
    }
    return (reader, mapping)
  }

  private func report(_ error: YamlError) {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
      sink.error("malformed YAML: \(detail)", at: SourceLocation(file: file, line: mark.line, column: mark.column))
    case .duplicatedKeysInMapping(let duplicates, let context):
      sink.error(
        "duplicate key '\(duplicates.sorted().joined(separator: "', '"))'",
        at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
    default:
      sink.error("malformed YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
    }
  }

  func location(of node: Node?) -> SourceLocation {
    let mark = node?.mark
    return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
  }

  func error(_ message: String, at node: Node?) { sink.error(message, at: location(of: node)) }

  /// Reports keys that the entry does not know: a typo in a key is never silently ignored.
  func checkKeys(_ mapping: Fields, allowed: Set<String>) {
    for key in mapping.keys {
      guard let name = key.string, !allowed.contains(name) else { continue }
      var message = "unknown key '\(name)'"
      if let guess = closestMatch(to: name, in: allowed.sorted()) {
        message += " (did you mean '\(guess)'?)"
      } else if mapping.style == .flow, name.unicodeScalars.contains(where: { $0.value >= 0x3400 }) {
        message += " (a ',' inside {…} ends the text: put the text in quotes)"
      }
      error(message, at: key)
    }
  }

  func mapping(_ node: Node?, what: String) -> Fields? {
    guard let node else { return nil }
    guard let mapping = node.mapping.map(Fields.init) else {
      error("\(what) must be a mapping", at: node)
      return nil
    }
    return mapping
  }

  /// The elements of a sequence field; a missing field is an empty list unless required.
  func sequence(_ mapping: Fields, _ key: String, required: Bool = false, in owner: Node? = nil) -> [Node] {
    guard let node = mapping[field: key] else {
      if required { error("missing '\(key)'", at: owner ?? mapping.keys.first) }
      return []
    }
    if case .scalar(let scalar) = node, scalar.string.isEmpty || node.null != nil { return [] }
    guard let sequence = node.sequence else {
      error("'\(key)' must be a list", at: node)
      return []
    }
    let items = Array(sequence)
    checkSplitPhrases(items)
    return items
  }

  /// In a `[a, b]` list a comma always separates, so "没啥事儿,就问问" silently becomes two
  /// phrases. Two plain items with nothing but a comma between them are reported: write a space
  /// after a separating comma, or quote a phrase that holds one.
  private func checkSplitPhrases(_ items: [Node]) {
    for (previous, next) in zip(items, items.dropFirst()) {
      guard case .scalar(let first) = previous, case .scalar(let second) = next, first.style == .plain, second.style == .plain,
        let start = previous.mark, let following = next.mark, start.line == following.line,
        following.column == start.column + first.string.count + 1
      else { continue }
      error(
        "'\(first.string),\(second.string)' is read as two phrases; quote it if it is one, or write a space after the comma",
        at: previous)
    }
  }

  func string(_ mapping: Fields, _ key: String, required: Bool = false, owner: Node? = nil) -> String? {
    guard let node = mapping[field: key] else {
      if required { error("missing '\(key)'", at: owner ?? mapping.keys.first) }
      return nil
    }
    return scalarString(node, what: "'\(key)'", allowEmpty: !required)
  }

  func scalarString(_ node: Node, what: String, allowEmpty: Bool = false) -> String? {
    guard case .scalar(let scalar) = node else {
      error("\(what) must be text", at: node)
      return nil
    }
    if !allowEmpty, scalar.string.allSatisfy(\.isWhitespace) {
      error("\(what) is empty", at: node)
      return nil
    }
    return scalar.string
  }

  func stringList(_ mapping: Fields, _ key: String, required: Bool = false, owner: Node? = nil) -> [String] {
    if let node = mapping[field: key], case .scalar = node, !(node.string ?? "").isEmpty {
      // A single value where a list is expected is accepted as a one-element list.
      return scalarString(node, what: "an item of '\(key)'").map { [$0] } ?? []
    }
    return sequence(mapping, key, required: required, in: owner).compactMap {
      scalarString($0, what: "an item of '\(key)'")
    }
  }

  func int(_ mapping: Fields, _ key: String, range: ClosedRange<Int>, required: Bool = false, owner: Node? = nil) -> Int? {
    guard let node = mapping[field: key] else {
      if required { error("missing '\(key)'", at: owner ?? mapping.keys.first) }
      return nil
    }
    guard let value = node.int, range.contains(value) else {
      error("'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)", at: node)
      return nil
    }
    return value
  }

  func double(_ mapping: Fields, _ key: String, range: ClosedRange<Double>) -> Double? {
    guard let node = mapping[field: key] else { return nil }
    guard let value = node.float ?? node.int.map(Double.init), range.contains(value) else {
      error("'\(key)' must be a number from \(range.lowerBound) to \(range.upperBound)", at: node)
      return nil
    }
    return value
  }

  func bool(_ mapping: Fields, _ key: String) -> Bool? {
    guard let node = mapping[field: key] else { return nil }
    guard let value = node.bool else {
      error("'\(key)' must be true or false", at: node)
      return nil
    }
    return value
  }
}
