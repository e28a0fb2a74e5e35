/// The transcript formats Kesu reads; detected from the first non-blank line unless forced.
public enum TranscriptFormat: String, Sendable, CaseIterable {
  /// `SPEAKER: text` lines, optional timestamps; a blank line or `---` starts a new call.
  case lines
  /// One JSON object per line: `{"speaker", "text", "call"}`.
  case jsonl
  /// WebVTT with `<v Speaker>` voice spans: one call per file.
  case vtt

  public static func detect(firstLine: String) -> TranscriptFormat {
    let line = firstLine.trimmed
    if line.hasPrefix("\u{FEFF}WEBVTT") || line.hasPrefix("WEBVTT") { return .vtt }
    if line.hasPrefix("{") { return .jsonl }
    return .lines
  }
}

/// One turn of a transcript: who said what, in which call, on which input line.
public struct TranscriptTurn: Sendable, Equatable {
  public var call: String
  public var line: Int
  public var speaker: Speaker
  public var text: String
}
