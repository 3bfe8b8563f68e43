import KSPQuery
import KSPRender

/// `.copy`: the last result, tab-separated, onto the clipboard (it pastes as a table into Excel,
/// PowerPoint and Google Sheets).
extension Session {
    func copyLastResult(_ call: MetaInvocation) -> Outcome {
        guard call.arguments.isEmpty else {
            return call.fail(".copy: expected nothing after it (it copies the last result)")
        }
        guard let table = lastTable, !table.columns.isEmpty else {
            return call.fail(".copy: nothing to copy yet; run a statement first")
        }
        let text = TSVRenderer.render(table.visible(to: .machines)) + "\n"
        do {
            let way = try Clipboard.copy(text)
            let rows = table.rows.count
            StandardError.write(
                "copied \(rows) \(rows == 1 ? "row" : "rows") and the header, tab-separated, through \(way)")
            return .ok
        } catch {
            return call.fail(".copy: \(error.description)")
        }
    }
}
