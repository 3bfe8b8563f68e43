import Foundation

/// participants and inquiries may come as the first sheet of an Excel workbook (`inquiries.xlsx`) in place
/// of the CSV file: the sheet is read into the same CSV text, checked by the same rules, and every
/// diagnostic is moved back to the workbook's cell (`inquiries.xlsx:Ark1!G17`).
extension SeasonLoader {
    /// The workbook that stands for a CSV file: `inquiries.csv` → `inquiries.xlsx`.
    static func workbookName(_ csvName: String) -> String {
        String(csvName.dropLast(".csv".count)) + ".xlsx"
    }

    /// A data file's bytes as CSV, from `NAME.csv` or from `NAME.xlsx`; nil after an error (reported) or when
    /// neither is there (left to the CSV reading, which says what is missing).
    static func dataFile(
        _ csvName: String, in directory: URL, sink: inout DiagnosticSink
    ) -> (bytes: [UInt8], locations: XLSXLocations?)? {
        let csvPath = directory.appendingPathComponent(csvName).path
        let workbook = workbookName(csvName)
        let workbookPath = directory.appendingPathComponent(workbook).path
        let hasWorkbook = FileManager.default.fileExists(atPath: workbookPath)
        guard hasWorkbook else { return nil }
        if FileManager.default.fileExists(atPath: csvPath) {
            sink.error(workbook, "\(csvName) is there too; keep one of them, so that it is clear which is read")
            return (bytes: [], locations: nil)
        }
        do {
            let sheet = try XLSXSheetReader.read(path: workbookPath, fileName: workbook)
            return (sheet.csv, sheet.locations)
        } catch {
            sink.error(workbook, error.description)
            return (bytes: [], locations: nil)
        }
    }

    /// The errors and warnings of a load moved to the workbooks' cells.
    static func relocate(_ diagnostics: [SeasonDiagnostic], _ workbooks: [String: XLSXLocations]) -> [SeasonDiagnostic]
    {
        guard !workbooks.isEmpty else { return diagnostics }
        return diagnostics.map { diagnostic in
            workbooks[diagnostic.file]?.relocate(diagnostic, csvFile: diagnostic.file) ?? diagnostic
        }
    }
}
