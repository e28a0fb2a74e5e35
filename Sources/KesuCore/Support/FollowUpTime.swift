import Foundation

/// Parses when the agent promised to call back: `24h`, `90m`, `2d`, `48小时`, `3天`, `明天下午3点`,
/// `后天上午10点半`, `今晚8点`, `2026-11-25 15:00`. Times of day are read in `calendar`'s zone.
public enum FollowUpTime {
  public static func parse(_ text: String, now: Date, calendar: Calendar = .current) -> Date? {
    let input = text.trimmingCharacters(in: .whitespaces).lowercased()
    if input.isEmpty { return nil }
    if let hours = relativeHours(input) { return now.addingTimeInterval(hours * 3600) }
    for format in ["yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"] {
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.timeZone = calendar.timeZone
      formatter.dateFormat = format
      if let date = formatter.date(from: input) { return date }
    }
    return dayAndTime(input, now: now, calendar: calendar)
  }

  /// `24h`, `30m`, `2d`, `48小时`, `2天`, `30分钟`, optionally followed by 后/内.
  static func relativeHours(_ input: String) -> Double? {
    var text = input
    for suffix in ["以后", "之后", "以内", "之内", "后", "内"] where text.hasSuffix(suffix) { text.removeLast(suffix.count) }
    let units: [(String, Double)] = [
      ("个小时", 1), ("小时", 1), ("hours", 1), ("hour", 1), ("h", 1), ("分钟", 1.0 / 60), ("min", 1.0 / 60), ("m", 1.0 / 60),
      ("天", 24), ("days", 24), ("day", 24), ("d", 24),
    ]
    for (unit, factor) in units where text.hasSuffix(unit) {
      let number = String(text.dropLast(unit.count)).trimmingCharacters(in: .whitespaces)
      if let value = Double(number) ?? AmountParser.parse(Substring(number)).map(Double.init), value > 0 { return value * factor }
    }
    return nil
  }

  /// 今天/明天/后天 + 上午/下午/晚上 + N点[半|M分].
  static func dayAndTime(_ input: String, now: Date, calendar: Calendar) -> Date? {
    var text = input
    var dayOffset = 0
    var matchedDay = false
    for (word, offset) in [("大后天", 3), ("后天", 2), ("明天", 1), ("明早", 1), ("明晚", 1), ("今天", 0), ("今晚", 0), ("今早", 0)]
    where text.hasPrefix(word) {
      dayOffset = offset
      matchedDay = true
      if word.hasSuffix("晚") { text = "晚上" + text.dropFirst(word.count) } else if word.hasSuffix("早") {
        text = "上午" + text.dropFirst(word.count)
      } else { text = String(text.dropFirst(word.count)) }
      break
    }
    var afternoon = false
    for word in ["下午", "晚上", "傍晚"] where text.hasPrefix(word) {
      afternoon = true
      text = String(text.dropFirst(word.count))
    }
    for word in ["上午", "早上", "中午"] where text.hasPrefix(word) { text = String(text.dropFirst(word.count)) }
    var hour = matchedDay ? 9 : -1
    var minute = 0
    if let point = text.firstIndex(where: { $0 == "点" || $0 == ":" }) {
      guard let value = Int(text[..<point]) ?? AmountParser.parse(text[..<point]) else { return nil }
      hour = value
      let rest = text[text.index(after: point)...]
      if rest.hasPrefix("半") { minute = 30 } else if let m = Int(rest.filter(\.isNumber)), (0..<60).contains(m) { minute = m }
    } else if !text.isEmpty || !matchedDay {
      return nil
    }
    if afternoon, hour < 12 { hour += 12 }
    guard (0..<24).contains(hour) else { return nil }
    guard let day = calendar.date(byAdding: .day, value: dayOffset, to: calendar.startOfDay(for: now)) else { return nil }
    return calendar.date(bySettingHour: hour, minute: minute, second: 0, of: day)
  }
}
