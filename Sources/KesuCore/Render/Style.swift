/// ANSI styling, on only when the output is a terminal that wants colour (the caller decides:
/// a TTY, no `NO_COLOR`, `TERM` not `dumb`).
public struct Style: Sendable {
  public var enabled: Bool
  public init(enabled: Bool) { self.enabled = enabled }

  public static let plain = Style(enabled: false)

  private func wrap(_ text: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
  public func bold(_ text: String) -> String { wrap(text, "1") }
  public func dim(_ text: String) -> String { wrap(text, "2") }
  public func red(_ text: String) -> String { wrap(text, "31") }
  public func green(_ text: String) -> String { wrap(text, "32") }
  public func yellow(_ text: String) -> String { wrap(text, "33") }
  public func cyan(_ text: String) -> String { wrap(text, "36") }
  /// Highlights matched evidence inside a line.
  public func highlight(_ text: String) -> String { enabled ? wrap(text, "4;33") : "[" + text + "]" }
}
