/// What the chat answers to one line: the text to show, and whether the session ends.
public struct ChatReply: Sendable, Equatable {
  public enum Kind: Sendable, Equatable { case normal, error }
  public var text: String
  public var kind: Kind = .normal
  public var quit = false

  public init(_ text: String, kind: Kind = .normal, quit: Bool = false) {
    self.text = text
    self.kind = kind
    self.quit = quit
  }

  public static func error(_ text: String) -> ChatReply { ChatReply(text, kind: .error) }
}
