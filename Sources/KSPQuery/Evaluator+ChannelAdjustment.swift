import Foundation
import KSPCore

/// `adjusted for channel`: figures directly standardised to a standard channel mix, shown beside the raw ones.
extension Evaluator {
    /// Whether a metric can be standardised: a mean of per-inquiry values (scores, shares, NPS).
    func isChannelAdjustable(_ metric: Metric) -> Bool {
        switch metric.kind {
        case .score, .rawMean, .share, .nps: return true
        case .count, .seconds: return false
        }
    }

    /// The inquiries' contributions to a metric with their channels (those that have one).
    func channelValues(_ metric: Metric, _ inquiries: [Int]) -> [(channel: Int, value: Double)] {
        inquiries.compactMap { i in
            let value = contribution(metric, i)
            return value.isNaN ? nil : (Int(season.inquiries.channel[i]), value)
        }
    }

    /// The channel mix of the inquiries that have a value for the metric.
    func channelMix(_ metric: Metric, _ inquiries: [Int]) -> ChannelMix {
        ChannelMix(
            channels: channelValues(metric, inquiries).map(\.channel), channelCount: season.definition.channels.count)
    }

    /// The standard mix as a note: "phone 40 %, chat 30 %, …".
    func mixText(_ mix: ChannelMix) -> String {
        mix.shares.indices.filter { mix.shares[$0] > 0 }.map { channel in
            "\(season.definition.channels[channel].id) \(String(format: "%.0f", mix.shares[channel] * 100)) %"
        }.joined(separator: ", ")
    }

    /// Adds `<metric>_adj` beside each adjustable metric column of a table whose row r stands for the
    /// inquiries `rowInquiries[r]`, standardised to the mix of `standard`; and `adj_missing`, the channels
    /// of the mix a row has no inquiries on, when a row lacks one.
    func addChannelAdjustment(
        _ table: inout ResultTable, metrics: [Metric], rowInquiries: [[Int]], standard: [Int], standardName: String
    ) throws(EvaluationError) {
        var anyMissing = Array(repeating: [Int](), count: rowInquiries.count)
        var adjustedColumns: [String] = []
        var hasQuestion = false
        for metric in metrics where isChannelAdjustable(metric) {
            let id = metric.id(in: season.definition)
            guard let column = table.column(named: id) else { continue }
            adjustedColumns.append(id + "_adj")
            if case .question = metric { hasQuestion = true }
            let mix = channelMix(metric, standard)
            var cells: [Cell] = []
            for (r, inquiries) in rowInquiries.enumerated() {
                try checkCancelled()
                let adjusted = ChannelStandardisation.standardise(channelValues(metric, inquiries), to: mix)
                cells.append(.number(adjusted.value, style(metric)))
                anyMissing[r] = Array(Set(anyMissing[r] + adjusted.missingChannels)).sorted()
            }
            table.columns.insert(ResultColumn(id + "_adj"), at: column + 1)
            for r in table.rows.indices where r < cells.count { table.rows[r].insert(cells[r], at: column + 1) }
        }
        let inquiryMix = ChannelMix(
            channels: standard.map { Int(season.inquiries.channel[$0]) }, channelCount: season.definition.channels.count
        )
        var notes = [
            adjustedColumns.joined(separator: ", ") + ": adjusted for channel — the row's mean on each channel "
                + "weighted by the channel mix of \(standardName): Σ w_c · mean_c with \(mixText(inquiryMix))"
                + (hasQuestion ? " (for a question, the mix of the inquiries that answered it)" : "")
        ]
        if anyMissing.contains(where: { !$0.isEmpty }) {
            table.columns.append(ResultColumn("adj_missing", isDimension: true))
            for r in table.rows.indices where r < anyMissing.count {
                let ids = anyMissing[r].map { season.definition.channels[$0].id }
                table.rows[r].append(.text(ids.joined(separator: ", ")))
            }
            notes.append(
                "adj_missing: channels of the mix a row has no inquiries on; its adjusted figure is renormalised "
                    + "over the channels it has (Σ w·mean / Σ w), so it stands for a mix without them")
        }
        addChannelAdjustmentNotes(&table, notes)
    }

    /// After `top` has kept some rows: the `adj_missing` column and its note go when no row kept lacks a channel.
    func dropEmptyMissingChannels(_ table: inout ResultTable) {
        guard let column = table.column(named: "adj_missing"),
            table.rows.allSatisfy({ $0[column].value == .text("") })
        else { return }
        table.columns.remove(at: column)
        for r in table.rows.indices { table.rows[r].remove(at: column) }
        table.notes.removeAll { note in
            if case .text(let text) = note { return text.hasPrefix("adj_missing:") }
            return false
        }
    }

    /// The one place the adjustment's notes join a table's (plain text notes).
    func addChannelAdjustmentNotes(_ table: inout ResultTable, _ notes: [String]) {
        table.notes += notes.map(TableNote.text)
    }
}

extension Evaluator {
    /// `METRICS by DIM adjusted for channel`: each group standardised to the mix of all the table's inquiries.
    func addChannelAdjustment(
        toGroups table: inout ResultTable, _ metrics: [Metric], _ dimensions: [Dimension], crosstab: Bool,
        _ inquiries: [Int], at range: SourceRange
    ) throws(EvaluationError) {
        guard !crosstab else {
            throw EvaluationError(
                range, "adjusted for channel works on metric columns by one or two dimensions, not across or questions")
        }
        guard !dimensions.contains(.channel) else {
            throw EvaluationError(
                range, "adjusted for channel needs groups other than channel (a channel is its own mix)")
        }
        guard metrics.contains(where: isChannelAdjustable) else {
            throw EvaluationError(range, "adjusted for channel needs a mean, nps or a share (total, an area, …)")
        }
        let rows = try groups(dimensions, inquiries).map(\.inquiries)
        try addChannelAdjustment(
            &table, metrics: metrics, rowInquiries: rows, standard: inquiries, standardName: "the whole table")
    }

    /// `rank … adjusted for channel`: each participant standardised to the mix of the ranked inquiries. The
    /// rank stays the award rule's (the raw figure).
    func addChannelAdjustment(
        toRanking table: inout ResultTable, _ metric: Metric, participants: [Int], _ inquiries: [Int]
    ) throws(EvaluationError) {
        var byParticipant: [Int: [Int]] = [:]
        for i in inquiries { byParticipant[Int(season.inquiries.participant[i]), default: []].append(i) }
        let rows = participants.map { byParticipant[$0] ?? [] }
        try addChannelAdjustment(
            &table, metrics: [metric], rowInquiries: rows, standard: inquiries, standardName: "the ranked participants")
        addChannelAdjustmentNotes(
            &table,
            ["the rank is by the raw figure (the award rule); \(metric.id(in: season.definition))_adj is beside it"])
    }

    /// `compare … adjusted for channel`: a standardised to b's channel mix (b's own figure is unchanged by its
    /// own mix), with the difference of the adjusted figures.
    func addChannelAdjustment(
        toComparison table: inout ResultTable, _ metrics: [Metric], _ inquiriesA: [Int], _ inquiriesB: [Int]
    ) throws(EvaluationError) {
        guard let metricColumn = table.column(named: "metric"), let diffColumn = table.column(named: "diff") else {
            return
        }
        var adjustedA: [Cell] = []
        var differences: [Cell] = []
        var missing: [String] = []
        for row in table.rows {
            try checkCancelled()
            guard case .text(let id) = row[metricColumn].value,
                let metric = metrics.first(where: { $0.id(in: season.definition) == id }), isChannelAdjustable(metric)
            else {
                adjustedA.append(.number(nil, .score))
                differences.append(.number(nil, .difference))
                missing.append("")
                continue
            }
            let mix = channelMix(metric, inquiriesB)
            let a = ChannelStandardisation.standardise(channelValues(metric, inquiriesA), to: mix)
            // Where a lacks a channel, b is taken over the same channels: like against like.
            var shared = mix
            for channel in a.missingChannels { shared.shares[channel] = 0 }
            let b = ChannelStandardisation.standardise(channelValues(metric, inquiriesB), to: shared)
            adjustedA.append(.number(a.value, style(metric)))
            differences.append(.number(a.value.flatMap { a in b.value.map { a - $0 } }, .difference))
            missing.append(a.missingChannels.map { season.definition.channels[$0].id }.joined(separator: ", "))
        }
        table.columns.insert(contentsOf: [ResultColumn("a_adj"), ResultColumn("diff_adj")], at: diffColumn + 1)
        for r in table.rows.indices {
            table.rows[r].insert(contentsOf: [adjustedA[r], differences[r]], at: diffColumn + 1)
        }
        let mixOfB = ChannelMix(
            channels: inquiriesB.map { Int(season.inquiries.channel[$0]) },
            channelCount: season.definition.channels.count)
        var notes = [
            "a_adj: a adjusted for channel — a's mean on each channel weighted by b's channel mix "
                + "(Σ w_c · mean_c; \(mixText(mixOfB)) of b's inquiries); diff_adj = a_adj − b; not tested"
        ]
        if missing.contains(where: { !$0.isEmpty }) {
            table.columns.append(ResultColumn("adj_missing", isDimension: true))
            for r in table.rows.indices { table.rows[r].append(.text(missing[r])) }
            notes.append(
                "adj_missing: channels of b's mix a has no inquiries on; a_adj and the b of diff_adj are then "
                    + "renormalised over the channels a has (Σ w·mean / Σ w)")
        }
        addChannelAdjustmentNotes(&table, notes)
    }
}
