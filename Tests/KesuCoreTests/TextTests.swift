import Foundation
import Testing

@testable import KesuCore

@Suite struct TextTests {
  let normalizer = TextNormalizer.shared

  @Test func foldsWidthScriptCaseAndPunctuationRuns() {
    #expect(normalizer.fold("ＶＩＰ客戶！！！！！") == "vip客户!!!")
    #expect(normalizer.fold("為什麼還沒修好？？？？") == "为什么还没修好???")
    #expect(normalizer.fold("寬頻斷了  三天") == "宽频断了 三天")
  }

  @Test func mapsFoldedOffsetsBackToTheOriginal() {
    let text = "ａｂ  你們好"
    let folded = normalizer.normalize(text)
    #expect(folded.string == "ab 你们好")
    // "们" is folded index 4; in the original it is scalar 5 (two spaces collapsed to one).
    #expect(folded.originalRange(start: 4, end: 5) == 5..<6)
  }

  @Test func lineReaderFlagsBadInput() throws {
    let folder = TestSupport.temporaryFolder()
    let file = folder.appendingPathComponent("input")
    var bytes = Data("好\n".utf8)
    bytes += Data([0xE4, 0xBD, 0x0A])  // a cut-off character
    bytes += Data(repeating: 0x61, count: 3 << 20) + Data([0x0A])
    bytes += Data([0x61, 0x00, 0x62, 0x0A])
    try bytes.write(to: file)
    var reader = LineReader(handle: try FileHandle(forReadingFrom: file))
    let first = try #require(try reader.next())
    #expect(first.text == "好" && !first.invalidUTF8)
    let second = try #require(try reader.next())
    #expect(second.invalidUTF8 && second.number == 2)
    let third = try #require(try reader.next())
    #expect(third.truncated && third.text.utf8.count == LineReader.defaultMaxLineBytes)
    let fourth = try #require(try reader.next())
    #expect(fourth.hasNUL && fourth.number == 4)
    #expect(try reader.next() == nil)
  }

  @Test func amountsInDigitsAndChineseNumerals() {
    #expect(AmountParser.firstAmount(in: "要赔五百") == 500)
    #expect(AmountParser.firstAmount(in: "赔我5000块") == 5000)
    #expect(AmountParser.firstAmount(in: "至少两万") == 20000)
  }

  @Test func masksPersonalNumbers() {
    let (text, facts) = FactMasker.mask("我电话13812345678,卡号6222020200112233445")
    #expect(text == "我电话138****5678,卡号***************3445")
    #expect(facts.map(\.kind) == [.phone, .bankCard])
    #expect(facts[0].raw == "13812345678")
  }

  @Test func followUpTimes() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
    let now = try #require(calendar.date(from: DateComponents(year: 2026, month: 11, day: 22, hour: 10)))
    #expect(FollowUpTime.parse("24h", now: now, calendar: calendar) == now.addingTimeInterval(24 * 3600))
    #expect(FollowUpTime.parse("48小时", now: now, calendar: calendar) == now.addingTimeInterval(48 * 3600))
    let tomorrow3pm = calendar.date(from: DateComponents(year: 2026, month: 11, day: 23, hour: 15))
    #expect(FollowUpTime.parse("明天下午3点", now: now, calendar: calendar) == tomorrow3pm)
    let dayAfter = calendar.date(from: DateComponents(year: 2026, month: 11, day: 24, hour: 10, minute: 30))
    #expect(FollowUpTime.parse("后天上午10点半", now: now, calendar: calendar) == dayAfter)
    #expect(FollowUpTime.parse("随便", now: now, calendar: calendar) == nil)
  }
}
