import Foundation

/// Turns transcript lines into calls of turns, one line at a time (memory stays flat): feed
/// every line, then `finish()`. Each call is handed out whole when it ends.
public struct TranscriptParser {
  public struct Call: Sendable {
    public var id: String
    public var turns: [TranscriptTurn]
  }

  public private(set) var format: TranscriptFormat?
  public private(set) var warnings: [String] = []
  let source: String
  let callPrefix: String
  var callNumber = 0
  var currentCall: Call?
  var reportedLabels: Set<String> = []
  var vttSpeaker: Speaker?

  /// - Parameters:
  ///   - source: the file name in warnings.
  ///   - callPrefix: call ids are `<prefix>1`, `<prefix>2` … for formats without their own.
  public init(source: String, format: TranscriptFormat? = nil, callPrefix: String = "") {
    self.source = source
    self.format = format
    self.callPrefix = callPrefix
  }

  /// Calls completed by this line.
  public mutating func feed(_ text: String, line: Int) -> [Call] {
    if format == nil {
      guard !text.trimmed.isEmpty else { return [] }
      format = TranscriptFormat.detect(firstLine: text)
    }
    switch format! {
    case .lines: return feedLine(text, line: line)
    case .jsonl: return feedJSON(text, line: line)
    case .vtt: return feedVTT(text, line: line)
    }
  }

  /// The last call, if one is open.
  public mutating func finish() -> [Call] { endCall() }

  mutating func endCall() -> [Call] {
    defer { currentCall = nil }
    guard let call = currentCall, !call.turns.isEmpty else { return [] }
    return [call]
  }

  mutating func startCallIfNeeded(id: String? = nil) {
    guard currentCall == nil else { return }
    callNumber += 1
    currentCall = Call(id: id ?? "\(callPrefix)\(callNumber)", turns: [])
  }

  mutating func append(_ speaker: Speaker, _ text: String, line: Int) {
    startCallIfNeeded()
    currentCall!.turns.append(TranscriptTurn(call: currentCall!.id, line: line, speaker: speaker, text: text))
  }

  mutating func speaker(for label: String, line: Int) -> Speaker {
    if let speaker = SpeakerLabel.speaker(label) { return speaker }
    if reportedLabels.insert(label).inserted {
      warnings.append("\(source):\(line): unknown speaker '\(label)'; treated as the customer")
    }
    return .customer
  }

  // MARK: SPEAKER: text

  mutating func feedLine(_ raw: String, line: Int) -> [Call] {
    let text = raw.trimmed
    if text.isEmpty || text == "---" { return endCall() }
    let body = Self.droppingTimestamp(text)
    if let (label, said) = Self.splitLabel(body) {
      append(speaker(for: label, line: line), said, line: line)
    } else if let last = currentCall?.turns.indices.last {
      currentCall!.turns[last].text += body
    } else {
      append(.customer, body, line: line)
    }
    return []
  }

  /// `[00:01:23] …`, `00:01:23 …`, `(00:01) …` → `…`.
  static func droppingTimestamp(_ text: String) -> String {
    var rest = Substring(text)
    let opened = rest.first.map { "[(".contains($0) } ?? false
    if opened { rest = rest.dropFirst() }
    let stamp = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ":" || $0 == ".") }
    guard stamp.contains(":"), stamp.first?.isNumber == true, stamp.count >= 4 else { return text }
    rest = rest.dropFirst(stamp.count)
    if opened {
      guard let close = rest.first, "])".contains(close) else { return text }
      rest = rest.dropFirst()
    }
    return rest.trimmed
  }

  /// `客户:text` / `Agent: text` → (label, text); nil when the line has no short label.
  static func splitLabel(_ text: String) -> (String, String)? {
    guard let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
    let label = text[..<colon].trimmed
    guard !label.isEmpty, label.count <= 16, !label.contains(where: { "，。,.!?！？".contains($0) }) else { return nil }
    // Known labels always split; an unknown one only when it is short enough to be a name.
    if SpeakerLabel.speaker(label) == nil, label.count > 8 { return nil }
    return (label, text[text.index(after: colon)...].trimmed)
  }

  // MARK: JSON Lines

  mutating func feedJSON(_ raw: String, line: Int) -> [Call] {
    let text = raw.trimmed
    if text.isEmpty { return [] }
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
      let said = object["text"] as? String
    else {
      warnings.append("\(source):\(line): not a JSON object with a \"text\" field; line skipped")
      return []
    }
    let label = (object["speaker"] as? String) ?? "customer"
    let callID = (object["call"] as? String) ?? (object["call"] as? Int).map(String.init)
    var completed: [Call] = []
    if let callID, let current = currentCall, current.id != callID { completed = endCall() }
    if currentCall == nil {
      callNumber += 1
      currentCall = Call(id: callID ?? "\(callPrefix)\(callNumber)", turns: [])
    }
    append(speaker(for: label, line: line), said, line: line)
    return completed
  }

  // MARK: WebVTT

  mutating func feedVTT(_ raw: String, line: Int) -> [Call] {
    let text = raw.trimmed
    if text.isEmpty || text.hasPrefix("WEBVTT") || text.hasPrefix("\u{FEFF}WEBVTT") || text.hasPrefix("NOTE") || text.contains("-->")
      || text.allSatisfy(\.isNumber)
    {
      if text.contains("-->") { vttSpeaker = nil }
      return []
    }
    var rest = Substring(text)
    var spoken = ""
    var speakerForLine = vttSpeaker
    while !rest.isEmpty {
      if rest.hasPrefix("<v"), let close = rest.firstIndex(of: ">") {
        let label = rest[rest.index(rest.startIndex, offsetBy: 2)..<close].trimmed
        let name = label.hasPrefix(".") ? String(label.drop { $0 != " " }).trimmed : label
        speakerForLine = speaker(for: name, line: line)
        vttSpeaker = speakerForLine
        rest = rest[rest.index(after: close)...]
      } else if rest.hasPrefix("<"), let close = rest.firstIndex(of: ">") {
        rest = rest[rest.index(after: close)...]  // </v>, <i>, <c.x> …
      } else {
        spoken.append(rest.removeFirst())
      }
    }
    let said = spoken.trimmed
    guard !said.isEmpty else { return [] }
    if let last = currentCall?.turns.last, last.speaker == (speakerForLine ?? .customer), speakerForLine == nil {
      currentCall!.turns[currentCall!.turns.count - 1].text += said
    } else {
      append(speakerForLine ?? .customer, said, line: line)
    }
    return []
  }
}

extension TranscriptParser {
  /// Forgets the warnings already shown.
  public mutating func clearWarnings() { warnings.removeAll() }
}
