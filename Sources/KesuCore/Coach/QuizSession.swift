/// Asking the quiz's questions one by one and keeping the score.
public struct QuizSession: Sendable {
  public let quiz: Quiz
  public private(set) var index = 0
  public private(set) var correct = 0
  public private(set) var missed: [Quiz.Item] = []
  public var style: Style

  public init(quiz: Quiz, style: Style = .plain) {
    self.quiz = quiz
    self.style = style
  }

  public var finished: Bool { index >= quiz.items.count }

  public var prompt: String {
    guard !finished else { return "" }
    let item = quiz.items[index]
    var lines = [style.bold("\(index + 1)/\(quiz.items.count)") + " " + item.prompt]
    if item.isTrueFalse {
      lines.append(style.dim("  回答 O(对) 或 X(错)"))
    } else {
      for (number, option) in item.options.enumerated() {
        lines.append("  \(Character(Unicode.Scalar(65 + number)!)). \(option)")
      }
    }
    return lines.joined(separator: "\n")
  }

  /// Feedback for the answer; asks again (without moving on) when it cannot be read.
  public mutating func answer(_ text: String) -> String {
    guard !finished else { return "" }
    let item = quiz.items[index]
    guard let given = Quiz.parse(text, for: item) else {
      return item.isTrueFalse ? "请回答 O 或 X。" : "请回答 A-\(Character(Unicode.Scalar(64 + item.options.count)!)) 中的一个。"
    }
    index += 1
    let right = item.isTrueFalse ? (item.answer == 1 ? "O" : "X") : "\(Character(Unicode.Scalar(65 + item.answer)!)). \(item.options[item.answer])"
    if given == item.answer {
      correct += 1
      return style.green("✓ 正确") + "  " + item.explanation
    }
    missed.append(item)
    return style.red("✗ 答案是 \(right)") + "  " + item.explanation
  }

  public var score: Int { quiz.items.isEmpty ? 0 : correct * 100 / quiz.items.count }

  public var report: String {
    var lines = [style.bold("得分 \(score)/100") + style.dim("  答对 \(correct)/\(quiz.items.count)")]
    if !missed.isEmpty {
      lines.append("答错的题:")
      lines += missed.map { "  · " + $0.prompt }
    }
    return lines.joined(separator: "\n")
  }
}
