import Foundation
import KSPRender

#if canImport(Glibc)
    import Glibc
#endif

/// `.mode xlsx` / `--format xlsx`: every result becomes a sheet of one workbook. With `.output FILE.xlsx` the
/// file is written whole after each result (it always opens, with every sheet so far); without, the
/// workbook goes to standard output when the script ends (`ksp -c … --format xlsx > out.xlsx`).
extension Session {
    func addToWorkbook(_ sheets: [XLSXSheet]) throws {
        guard let path = output.path else {
            guard !output.isTerminal else {
                throw ShellError(
                    "xlsx: a workbook cannot be shown on the screen; send it to a file with .output FILE.xlsx "
                        + "(or --format xlsx > FILE.xlsx)")
            }
            standardOutputWorkbook.sheets += sheets
            return
        }
        // A new .output file starts a new workbook.
        if workbookPath != path {
            workbook = XLSXWorkbook(sheets: [])
            workbookPath = path
        }
        guard (path as NSString).pathExtension.lowercased() == "xlsx" else {
            throw ShellError("xlsx: results go to \(path); name a .xlsx file with .output (.output results.xlsx)")
        }
        workbook.sheets += sheets
        try writeWorkbook(workbook, to: path, what: "xlsx")
    }

    /// Writes a workbook whole (never into a loaded season's directory).
    func writeWorkbook(_ workbook: XLSXWorkbook, to path: String, what: String) throws {
        do {
            let target = try WriteTarget.check(path, seasonDirectories: seasonDirectories)
            try AtomicFile.write(bytes: [UInt8](try workbook.data()), to: target)
        } catch let refusal as WriteTarget.Refusal {
            throw ShellError("\(what): \(refusal.description)")
        } catch {
            throw ShellError("\(what): \(error)")
        }
    }

    /// At the end of a script: the workbook collected for standard output, if any. False when it could not
    /// be written.
    func finishWorkbook() -> Bool {
        guard !standardOutputWorkbook.sheets.isEmpty else { return true }
        do {
            let bytes = [UInt8](try standardOutputWorkbook.data())
            standardOutputWorkbook = XLSXWorkbook(sheets: [])
            if let code = AtomicFile.writeAll(bytes, to: STDOUT_FILENO), code != EPIPE {
                StandardError.write(
                    "ksp: cannot write the workbook to standard output: \(String(cString: strerror(code)))")
                return false
            }
            return true
        } catch {
            StandardError.write("ksp: \(error)")
            return false
        }
    }
}
