import KSPQuery
import KSPRender

/// A report written in the form its file's ending (or a batch's `as`) asks for: the one place that
/// turns a report into a file's content, for one report and for a batch.
extension ReportFileType {
    /// A batch's `as html|pdf|md|txt`.
    init?(batchFormat: String) {
        switch batchFormat {
        case "html": self = .html
        case "pdf": self = .pdf
        case "md": self = .markdown
        case "txt": self = .text
        default: return nil
        }
    }

    /// The ending of the files a batch writes, and the word in its summary.
    var ending: String {
        switch self {
        case .html: return "html"
        case .pdf: return "pdf"
        case .markdown: return "md"
        case .text: return "txt"
        case .xlsx: return "xlsx"
        }
    }

    /// Writes the report whole (`AtomicFile`); a PDF through the printer `printer` gives (started on
    /// first use, kept for the next report of a batch).
    func write(_ report: Report, to target: WriteTarget, printer: () throws -> PDFPrinter) throws {
        switch self {
        case .html: try AtomicFile.write(report.html, to: target)
        case .markdown: try AtomicFile.write(report.markdown, to: target)
        case .text: try AtomicFile.write(report.terminal(width: 100, unicode: true), to: target)
        case .pdf: try printer().print(html: report.html, to: target)
        case .xlsx: try AtomicFile.write(bytes: [UInt8](try XLSXWorkbook(sheets: report.xlsxSheets).data()), to: target)
        }
    }
}
