import Testing

@testable import KesuCore

@Suite struct CheckerTests {
  let checker = TestSupport.engine.checker

  @Test func variantsOfTheFamiliesAreCaught() {
    let cases: [(String, String)] = [
      ("这是我们公司的规定", "hide-behind-rules"),
      ("这事不归我管", "not-my-business"),
      ("公司规定就是这样", "hide-behind-rules"),
      ("不清楚,等通知吧", "dont-know"),
    ]
    for (text, family) in cases {
      #expect(checker.check(text).violations.map(\.family).contains(family), "\(text)")
    }
  }

  @Test func politeNearMissesAreLeftAlone() {
    for text in ["我不知道您现在是否方便", "非常抱歉给您添麻烦了", "我马上为您查询一下"] {
      #expect(checker.check(text).violations.isEmpty, "\(text)")
    }
  }

  @Test func aViolationCarriesWhereAndWhatInstead() {
    let text = "您好,这是我们公司的规定"
    let violation = checker.check(text).violations.first { $0.family == "hide-behind-rules" }
    #expect(violation != nil)
    if let violation {
      let scalars = Array(text.unicodeScalars)
      var slice = String.UnicodeScalarView()
      slice.append(contentsOf: scalars[violation.start..<violation.end])
      #expect(String(slice) == violation.matched)
      #expect(!violation.instead.isEmpty)
    }
  }

  @Test func phoneOpeningOnlyAtTheStart() {
    #expect(checker.check("喂,什么事").violations.contains { $0.family == "phone-opening" })
    #expect(!checker.check("您好,请问是喂养宠物的问题吗").violations.contains { $0.family == "phone-opening" })
  }
}
