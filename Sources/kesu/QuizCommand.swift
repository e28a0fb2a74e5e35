import ArgumentParser
import Foundation
import KesuCore

struct QuizCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quiz", abstract: "Test what you know: the seed's O/X statements and questions from the knowledge base.")

  @OptionGroup var global: GlobalOptions
  @Option(name: .long, help: "How many questions (default 10).") var count: Int?
  @Option(name: .long, help: "Seed for a repeatable set of questions.") var seed: UInt64?

  func validate() throws {
    if let count, count < 1 { throw ValidationError("--count must be at least 1") }
  }

  func run() throws {
    let engine = try global.loadEngine()
    let seed = self.seed ?? UInt64(Date().timeIntervalSince1970 * 1000) % 100_000
    var session = QuizSession(quiz: Quiz(engine: engine, count: count, seed: seed), style: Terminal.style)
    let answers = AnswerSource()
    defer { answers.finish() }
    print(global.display(Terminal.style.dim("测验 \(session.quiz.items.count)题(--seed \(seed) 可重现同一组题)")))
    while !session.finished {
      print("")
      print(global.display(session.prompt))
      guard let answer = answers.read(prompt: "答 › ") else { break }
      if !answers.interactive { print("答 › " + answer) }
      print(global.display(session.answer(answer)))
    }
    print("")
    print(global.display(session.report))
  }
}
