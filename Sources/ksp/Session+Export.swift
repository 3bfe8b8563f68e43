import Foundation
import KSPQuery
import KSPRender

/// `export inquiries [where …] to FILE`: the file's ending chooses csv, JSON lines or an Excel workbook.
extension Session {
    enum ExportFileType: String {
        case csv, jsonl, xlsx

        static let known = ".csv, .jsonl or .xlsx"

        init?(path: String) {
            switch (path as NSString).pathExtension.lowercased() {
            case "csv": self = .csv
            case "jsonl", "ndjson": self = .jsonl
            case "xlsx": self = .xlsx
            default: return nil
            }
        }
    }

    func writeExport(_ export: InquiryExport, to path: String?) throws {
        guard let path else {
            throw ShellError("export: expected to FILE at the end (export inquiries where … to inquiries.csv)")
        }
        guard let type = ExportFileType(path: path) else {
            let ending = (path as NSString).pathExtension
            let found = ending.isEmpty ? "\(path) has no file ending" : "ksp cannot export to .\(ending) files"
            throw ShellError("export: \(found); end the name with \(ExportFileType.known)")
        }
        do {
            let target = try WriteTarget.check(path, seasonDirectories: seasonDirectories)
            switch type {
            case .csv: try AtomicFile.write(export.csv + "\n", to: target)
            case .jsonl: try AtomicFile.write(export.rows.isEmpty ? "" : export.jsonLines + "\n", to: target)
            case .xlsx:
                try AtomicFile.write(bytes: [UInt8](try XLSXWorkbook(sheets: [export.xlsxSheet]).data()), to: target)
            }
        } catch let refusal as WriteTarget.Refusal {
            throw ShellError("export: \(refusal.description)")
        } catch let failure as ShellError {
            throw failure
        } catch {
            throw ShellError("export: \(error)")
        }
        let count = export.rows.count
        try? output.write("wrote \(count) \(count == 1 ? "inquiry" : "inquiries") to \(path)")
    }
}
