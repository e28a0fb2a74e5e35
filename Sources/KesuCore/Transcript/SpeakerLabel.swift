/// Who a transcript's speaker label names: 客户/Customer/Caller … or 坐席/Agent/Staff ….
public enum SpeakerLabel {
  static let customer: Set<String> = [
    "客户", "顾客", "用户", "业主", "来电人", "来电", "乘客", "住户", "消费者", "投诉人", "客人", "c", "customer", "caller",
    "user", "client", "guest", "passenger", "客戶", "顧客", "用戶", "業主", "來電人", "來電", "住戶", "消費者", "投訴人",
  ]
  static let agent: Set<String> = [
    "坐席", "客服", "工作人员", "话务员", "接线员", "员工", "物业", "前台", "a", "agent", "staff", "rep", "operator",
    "csr", "support", "service", "representative", "工作人員", "話務員", "接線員", "員工", "物業", "客服人员", "客服人員",
  ]

  /// The speaker a label names, or nil when Kesu does not know it.
  public static func speaker(_ label: String) -> Speaker? {
    let key = label.trimmed.lowercased()
    if customer.contains(key) { return .customer }
    if agent.contains(key) { return .agent }
    // "客服小王", "Agent 2", "客户(张先生)": a known label followed by a name or number.
    for known in agent where key.count > known.count && known.count > 1 && key.hasPrefix(known) { return .agent }
    for known in customer where key.count > known.count && known.count > 1 && key.hasPrefix(known) { return .customer }
    return nil
  }
}
