import Foundation

/// The chat's commands that touch files: `/save`, `/load` (the call state as JSON) and the case
/// store (`/record`, `/open`).
extension ChatSession {
  mutating func save(_ path: String) -> ChatReply {
    guard !path.isEmpty else { return .error("用法:/save 文件名.json") }
    do {
      try CallStateFile.write(conversation.state, to: path)
      return ChatReply("已保存到 \(path)")
    } catch {
      return .error("保存失败:\(path): \(error.localizedDescription)")
    }
  }

  mutating func load(_ path: String) -> ChatReply {
    guard !path.isEmpty else { return .error("用法:/load 文件名.json") }
    do {
      let state = try CallStateFile.read(path)
      conversation = Conversation(engine: engine, state: state)
      caseRecord = nil
      return ChatReply("已恢复 \(path):\(state.turns.count)句\n" + stateView.state(conversation))
    } catch {
      return .error("读取失败:\(error)")
    }
  }

  mutating func openStore() throws -> CaseStore {
    if let store { return store }
    let opened = try CaseStore(path: casesPath)
    store = opened
    return opened
  }

  mutating func record() -> ChatReply {
    guard !conversation.state.turns.isEmpty else { return .error("通话还是空的,没有可以保存的。") }
    do {
      let store = try openStore()
      var record = CaseRecord.from(
        conversation, existing: caseRecord, revealed: conversation.state.facts.map(\.raw).filter { !$0.isEmpty }, now: now())
      if !notes.isEmpty { record.notes = notes.joined(separator: "\n") }
      record.id = try store.save(record)
      let isNew = caseRecord == nil
      caseRecord = record
      return ChatReply((isNew ? "已建案件 #" : "已更新案件 #") + "\(record.id ?? 0)")
    } catch {
      return .error("保存案件失败:\(error)")
    }
  }

  mutating func openCase(_ argument: String) -> ChatReply {
    guard let id = Int64(argument.trimmingCharacters(in: CharacterSet(charactersIn: "# "))) else {
      return .error("用法:/open 案件编号")
    }
    do {
      let record = try openStore().get(id)
      conversation = Conversation(engine: engine, state: record.state ?? CallState(startedAt: record.openedAt))
      caseRecord = record
      notes = record.notes.isEmpty ? [] : record.notes.components(separatedBy: "\n")
      return ChatReply(CaseView(knowledge: knowledge, style: style).detail(record, now: now()))
    } catch {
      return .error("\(error)")
    }
  }
}
