import Foundation

/// Generated, repeatable test material: customer utterances and call transcripts built from
/// fragments, so the benchmark needs no data files.
struct Corpus {
  var generator: Generator

  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
  }

  static let openings = ["你好", "喂", "我跟你说", "你们这个", "麻烦问一下", "我要投诉", "客户说", "我是你们的老用户", "您好"]
  static let problems = [
    "宽带断了三天了", "这个月话费多扣了五十块", "手机没信号", "电梯又坏了", "快递一直没到", "你们的营业员态度太差了",
    "我已经打了三次电话了", "你们必须赔偿我的损失", "我要找你们领导", "再不解决我就去12315投诉", "你叫什么名字你几点下班",
    "不赔钱我就找人砸了你们营业厅", "家里漏水了孩子被困在电梯里", "我是学法律的你们这是违法", "我是VIP客户",
    "桌子上有一点点灰", "你们是不是故意针对我", "上次说给我回电话一直没人联系", "代理商乱收费", "退款什么时候到账",
  ]
  static let endings = ["", "!!!", "??", "。", ",气死我了", ",麻烦尽快处理", ",谢谢", ",到底怎么回事", " please help"]
  static let agentLines = [
    "非常抱歉给您添麻烦了", "我理解您的心情", "我跟您确认一下,是这样吗", "我马上为您安排处理", "这是我们公司的规定",
    "这事不归我管", "感谢您的耐心", "我们会在48小时内给您回电", "我不知道", "您慢慢说,我在听",
  ]

  init(seed: UInt64) { generator = Generator(state: seed) }

  mutating func utterance() -> String {
    var text = generator.pick(Self.openings) + "," + generator.pick(Self.problems)
    if generator.next() % 3 == 0 { text += "," + generator.pick(Self.problems) }
    return text + generator.pick(Self.endings)
  }

  /// Lines of utterances totalling about `bytes`.
  mutating func utterances(bytes: Int) -> String {
    var text = ""
    text.reserveCapacity(bytes + 200)
    while text.utf8.count < bytes { text += utterance() + "\n" }
    return text
  }

  /// `客户:`/`坐席:` calls separated by `---`, totalling about `bytes`.
  mutating func transcript(bytes: Int) -> String {
    var text = ""
    text.reserveCapacity(bytes + 1000)
    var size = 0
    while size < bytes {
      var call = ""
      for _ in 0..<(4 + Int(generator.next() % 8)) {
        call += "客户:" + utterance() + "\n"
        call += "坐席:" + generator.pick(Self.agentLines) + "\n"
      }
      call += "---\n"
      size += call.utf8.count
      text += call
    }
    return text
  }
}
