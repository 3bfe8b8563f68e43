import Foundation
import KSPCore

/// `shoppers [where …]`: how each shopper scores against the participants they shopped (fieldwork
/// quality control), with Holm over all shoppers and the share of variance due to shoppers.
extension Evaluator {
    func shoppers(_ statement: ShoppersStatement) throws(EvaluationError) -> ResultTable {
        // One season's fieldwork: the latest among the inquiries asked about when several are loaded.
        let scope = latestSeasonScope(try inquiries(passing: statement.filter))
        var scored: [ShopperInquiry] = []
        for (position, i) in scope.inquiries.enumerated() {
            try checkCancelled(at: position)
            let total = contribution(.total, i)
            guard !total.isNaN else { continue }
            scored.append(
                ShopperInquiry(
                    participant: Int(season.inquiries.participant[i]), shopper: Int(season.inquiries.shopper[i]),
                    total: total))
        }
        let analysis = ShopperLeniency.analyse(scored)
        // Most lenient first: the shoppers to look at come at the top; those without a leniency last.
        let effects = analysis.effects.sorted { a, b in
            switch (a.leniency, b.leniency) {
            case (let x?, let y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return NorwegianCollation.less(season.shoppers[a.shopper], season.shoppers[b.shopper])
            }
        }
        let columns = [
            ResultColumn("shopper", isDimension: true), ResultColumn("n"), ResultColumn("total"),
            ResultColumn("leniency"), ResultColumn("leniency_sig", audience: .machines),
            ResultColumn("leniency 95% CI", audience: .people),
            ResultColumn("leniency_ci_low", audience: .machines), ResultColumn("leniency_ci_high", audience: .machines),
            ResultColumn("p"), ResultColumn("p_adj"),
        ]
        var rows: [[Cell]] = []
        for effect in effects {
            let mark = leniencyMark(effect)
            let interval = effect.low.flatMap { low in effect.high.map { FigureInterval(low: low, high: $0) } }
            rows.append([
                .text(season.shoppers[effect.shopper]),
                .count(effect.inquiries, flags: .smallBase(effect.comparedInquiries < options.minBase)),
                .number(effect.meanTotal, .score),
                .number(effect.leniency, .difference, flags: CellFlags(mark)),
                Cell(.significance(leniencyOutcome(effect, mark))),
                Cell(.interval(interval, .difference)),
                .number(effect.low, .difference), .number(effect.high, .difference),
                .number(effect.p, .pValue), .number(effect.adjustedP, .pValue),
            ])
        }
        var table = ResultTable(columns: columns, rows: rows)
        addShopperNotes(&table, analysis, seasonName: scope.name)
        if rows.contains(where: { $0[1].flags.contains(.smallBase) }) {
            table.notes.append(.shopperSmallBase(minBase: options.minBase))
        }
        return table
    }

    /// ▲ / ▼ when the leniency differs from 0 after Holm over all shoppers tested.
    func leniencyMark(_ effect: ShopperEffect) -> SignificantDifference? {
        guard let adjusted = effect.adjustedP, adjusted < Significance.alpha, let leniency = effect.leniency else {
            return nil
        }
        return leniency > 0 ? .above : .below
    }

    /// The `_sig` of a shopper: untested when the differences do not vary (no p).
    func leniencyOutcome(_ effect: ShopperEffect, _ mark: SignificantDifference?) -> TestOutcome {
        switch mark {
        case .above: return .above
        case .below: return .below
        case nil: return effect.adjustedP == nil ? .untested(.noVariation) : .notSignificant
        }
    }

    func addShopperNotes(_ table: inout ResultTable, _ analysis: ShopperLeniencyAnalysis, seasonName: String?) {
        var notes: [TableNote] = [
            .text(
                "leniency: mean of (inquiry total − the participant's mean total without this shopper's inquiries),"
                    + " over inquiries at participants other shoppers also shopped; 95 % t-interval"),
            .shopperMarkers(testedShoppers: analysis.testedShoppers),
        ]
        if let share = analysis.shopperVarianceShare {
            notes.append(
                .text(
                    "shoppers beyond participants: \(String(format: "%.1f", share * 100)) % of the variance of "
                        + "inquiry totals (one-way random-effects ANOVA by shopper on total − participant mean:"
                        + " (MSB − MSW) / n₀ over the variance of the totals)"))
        }
        if let seasonName { notes.append("shoppers of \(seasonName) (add where season = … for another)") }
        table.notes += notes
    }
}
