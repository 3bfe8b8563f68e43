import KSPCore

/// Figures per group of one dimension over a set of inquiries: the table `select … by` shows, with its
/// notes, and the key of each row's group (a channel's or participant's index), so no one reads a label back.
struct GroupedFigures: Sendable {
    /// The group of each row, in the table's order.
    var keys: [Int]
    var table: ResultTable
}

extension Evaluator {
    /// `METRICS by DIMENSION` over the given inquiries, groups in display order.
    func groupedFigures(
        _ metrics: [Metric], by dimension: Dimension,
        _ inquiries: [Int]
    ) throws(EvaluationError) -> GroupedFigures {
        var table = try grouped(metrics, by: [dimension], inquiries)
        addLegends(&table)
        // Every group has an inquiry, so there is one row per group, in the same order.
        let keys = try groups([dimension], inquiries).map(\.key.first)
        return GroupedFigures(keys: keys, table: table)
    }

    /// `METRICS by DIMENSION across OTHER` over the given inquiries.
    func crosstabFigures(
        _ metrics: [Metric], by dimension: Dimension, across: Dimension,
        _ inquiries: [Int]
    ) throws(EvaluationError) -> ResultTable {
        var table = try crosstab(metrics, rows: [dimension], across: across, inquiries)
        addLegends(&table)
        return table
    }
}
