extension Evaluator {
    /// The scored inquiries that pass the export's filter, in the order they were loaded.
    public func export(_ statement: ExportStatement) throws(EvaluationError) -> InquiryExport {
        InquiryExport(season: season, inquiries: try inquiries(passing: statement.filter))
    }
}
