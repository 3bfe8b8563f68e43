import KSPCore

/// The text of `.help [topic]`.
enum Help {
    /// The most cases off an outcome's common value for which drivers gives no intervals.
    private static let rareBound = RareOutcome.minimumDeviating - 1
    static let topics: [String: String] = [
        "statements": """
        Statements (end at the end of the line or at ;):
          METRICS [by DIM[, DIM]] [across DIM] [where FILTER] [order by COLUMN [asc|desc]] [top N]
          compare DIM A vs B [on METRICS] [where FILTER]     B: a value, all, class, or (X, Y, Z)
          winners [where FILTER]                             class winners, Best i test, Best på <channel>
          rank [within class X] [by METRIC] [where FILTER] [top N]   ranks with 95 % bootstrap intervals
          chart METRIC by DIM [where FILTER] [top N]         a bar chart with the overall (or class) mean
          trend METRIC by month|week [by DIM] [where FILTER] sparklines through the season
          report participant "NAME" [where season = S] [lang nb|en] [to FILE]   the participant's report
          report class "NAME" [where season = S] [lang nb|en] [to FILE]         the class's report
            (.html print-ready A4, .md or text; in the season's words and language: .help labels)
            a report is one season's: the latest loaded, or the one named with where season = …
          quotes [contains "text"] [where FILTER] [order by COLUMN] [top N]
          gap participant "NAME" [to winner|class|all|"OTHER"] [where FILTER] [top N]   what it takes (.help gap)
          [chart] drivers of OUTCOME [on areas|questions] [where FILTER]   what moves an outcome (.help drivers)
          shoppers [where FILTER]                            each shopper's leniency (.help shoppers)
          … adjusted for channel   on tables by a dimension, compare and rank: _adj beside the raw figure
          export inquiries [where FILTER] to FILE            one row per scored inquiry (.csv, .jsonl, .xlsx)
        Examples:
          total by class
          total, wait, welcome, agent, impression by participant where class = Bank order by total desc
          areas by channel
          total by class across channel
          questions by channel where area = agent
          compare participant "Brennvik Bank" vs class
          quotes where class = Bank and total < 50 top 5
        Best first: top N without order by keeps the N best by the first metric, order by a metric without
          asc/desc puts the best first, and rank and chart do the same. Best is the metric's direction:
          lower for noanswer, noanswer1 and wait_median, higher for the rest (CX metrics too, unless
          the season marks the question better: lower).
          An explicit order by X desc (or asc) is taken literally.
        winners ranks the whole season; where only chooses which awards are shown.
        Long comments in quotes wrap inside their cell.
        """,
        "metrics": """
        Metrics: total (0–100, unanswered inquiries count 0), total_answered (answered only),
          each area id, areas (all areas), each question id, questions (all; rows per question),
          n (inquiries), noanswer (% never answered), noanswer1 (% not answered on the first attempt),
          csat, ces, ves1, ves2 (mean of the raw answers), nps (% 9–10 minus % 0–6),
          wait_median (median wait of answered inquiries, on the channel's clock).
        Shares show with their unit in tables (4.0 %); csv and json keep the number (4.0).
        Lower is better for noanswer, noanswer1 and wait_median; higher for the rest (a CX question marked
          better: lower in season.yaml is lower-is-better).
        .questions and .schema list the season's ids.
        """,
        "dimensions": """
        Dimensions (by, across, compare, where): class, participant, channel, shopper, month, week, attempts,
          season (KSP 2024, ksp2024 or 2024). With several seasons loaded, month is the month of the season
          (nov, des, jan …) so that seasons line up; season_day counts days from each season's first inquiry,
          and so far keeps each season up to the day the latest season has reached:
          total by month across season;  compare season 2023 vs 2024 where so far
        Values match any case; quote names with spaces: "Åpen klasse". Channels also by alias (telefon, e-post).
        Months are written 2024-01, weeks 2024-W03.
        """,
        "filters": """
        Filters (where): class = Bank, channel != email, class in (Bank, Forsikring), channel not in (email),
          date < 2024-03-01 (also <=, >, >=, =), total < 50 and other metrics of one inquiry (an area id,
          a question id on its points, csat/nps/… on their own scale), area = agent (limits areas/questions
          to one area), answered, not answered, contains "text" (a comment holds the text).
          Join with and, or, not and parentheses.
        """,
        "compare": """
        compare DIM A vs B [on METRICS] [where FILTER] [order by diff|p [asc|desc]] [top N]
          B is a value of DIM, all (every other inquiry in the filter: A left out), class (for a participant:
          the rest of its class, the participant left out) or a list (X, Y, Z).
          One row per metric (named twice: shown once): a, b, diff = a − b with its 95 % interval, n_a, n_b
          (answers), p, p_adj and sig (* p_adj < 0.05, ** p_adj < 0.01). p_adj adjusts p over every row
          tested: Holm by default (.adjust holm|bh|none). order by diff: largest first; by p: smallest first;
          top N alone keeps the N smallest p (the adjustment stays over all rows).
          Tests: means (total, areas, questions on a scale, csat, ces, ves1, ves2): Welch's t-test;
          shares (noanswer, noanswer1, a yes/no question's yes-share): two-proportion z-test (pooled);
          nps: exact test (every split of the pooled answers) while the smaller group has ≤ 100 answers,
          else z with Var(NPS) = 100² · (p(1−p) + d(1−d) + 2pd) / n per side.
          Not tested (sig says why, p blank): a group below .minbase answers ("small base"), or every
          answer alike ("no variation").
        Markers in tables: in a group table each group is tested against the rest of the table, in a
          crosstab each cell against the rest of its row, with the tests above at 95 % (means: Student's t
          with the pooled variance, which holds its level on skewed scores where Welch's does not). Holm
          over every cell tested in the table keeps the chance of any false ▲/▼ in the table at or below 5 %.
          Cells (or their rest) on fewer than .minbase answers are not tested. csv and json carry
          <column>_sig: above, below, none (tested, not significant) or untested.
        .ci on adds the 95 % interval of every mean (t-distribution) and NPS (normal approximation),
          clipped to the scale (0–100, NPS −100–100, a CX scale's ends).
        rank: each participant's rank by a metric (default total) with a 95 % interval from 1000
          bootstrap resamples of its own inquiries; the same .seed gives the same table. The interval is the
          range of ranks consistent with resampling: overlapping intervals do not make two participants
          equal, nor do separate ones test them (compare does). Participants with fewer inquiries in the
          season than min_inquiries_for_award are listed last, not ranked ("below minimum"). A total on
          100 inquiries or more is resampled through its normal approximation (docs: rank, large bases);
          every row's interval is drawn against those, so any row of such a ranking may move by a place.
        """,
        "output": """
        Output: .mode table|markdown|csv|tsv|json|xlsx; .output FILE sends results to a file, .output alone back
          to the screen. tsv is what Excel, PowerPoint and Google Sheets paste best. xlsx: with .output FILE.xlsx
          each result adds a sheet (named by .title; header bold, numbers as numbers, notes below); --format xlsx
          > FILE.xlsx from a script. report … to FILE.xlsx writes a report's tables.
          Tables mark figures on fewer than .minbase answers (default 10) with *.
          csv: a header row, dimension columns first, . decimals; json: an array of objects keyed like the csv.
        export inquiries [where FILTER] to FILE.csv|.jsonl|.xlsx: one row per scored inquiry (ids, class,
          channel, times, answered, wait_seconds, total, areas, each question's points and <id>_raw, comments)
          for DuckDB, Power BI or a warehouse. On the command line, to standard output:
          ksp export SEASON_DIR [--where …] --format csv|jsonl
        """,
        "meta": """
        Meta-commands:
          .help [topic]          this help; topics: statements metrics dimensions filters compare gap drivers
                                 report open shoppers labels output parameters meta keys
          .load DIR [DIR…]       load a season, or several side by side (what is loaded stays if one has errors)
          .reload                read the loaded seasons again from disk (an export growing during fieldwork)
          .mode FORMAT           table, markdown, csv, tsv, json or xlsx
          .output [FILE]         results to FILE; no FILE: back to the screen
          .read FILE             run the statements in FILE
          .timer on|off          print each statement's time
          .minbase N             mark (and leave untested) figures on fewer than N answers (default 10)
          .adjust holm|bh|none   how compare's p_adj adjusts p over its rows (default holm)
          .ci on|off             95 % confidence intervals beside means and NPS
          .seed N                seed of the rank and drivers bootstrap (default 1)
          .lang [nb|en]          the language of reports (default: season.yaml's language:, else en)
          .labels [on|off]       tables with the season's names instead of ids (default off)
          .pager on|off|auto     page results taller than the screen ($PAGER, else less -SRX)
          .classes               classes with their participants and inquiries
          .participants [CLASS]  participants (of one class)
          .questions [AREA]      the questionnaire (of one area)
          .schema                areas, weights and channels' wait rules
          .open [FILE]           the last written report (or FILE) in the system's viewer (.help open)
          .set [NAME VALUE]      set a script parameter, used as ${NAME}; alone: list them (.help parameters)
          .unset NAME            forget a parameter
          .title TEXT            a heading before the next result (${NAME} substituted)
          .copy                  the last result onto the clipboard, tab-separated (pastes as a table)
          .quit                  leave (also Ctrl-D)
        """,
        "gap": """
        gap participant "NAME" [to winner|class|all|"OTHER"] [where FILTER] [top N]
          What it would take to reach a target, by the season's own scoring rules. The target: the class
          winner (the default; the runner-up when NAME wins its class, by rule 7 over the whole season),
          class (the rest of NAME's class), all (every inquiry in the filter) or another participant.
          For each question q: NAME's points on q, in each of its answered inquiries where q was asked
          (N/A stays N/A), become the target's mean points on q (over the target's answered inquiries
          where q was asked); those inquiries are rescored by the season's rules, and gain is the change
          of NAME's total. The same for the wait area (its answered inquiries get the target's mean wait
          points), and one row for answering: (own no-answer share − target's) × own score for answered.
          An inquiry's total is linear in its question and area points, so the question and wait gains
          add up exactly. sum is all the rows; remaining is the rest of the gap (channel mix and the
          like); gap is the two totals (a, b) and their difference: sum + remaining = gap.
          Rows by gain, largest first (negative: NAME is ahead there); top N keeps the N largest positive
          gains and adds one row for the others. With several seasons loaded: the latest, or where season = ….
          gap participant "Skjærvik Sparebank" to winner where channel = phone top 5
        """,
        "drivers": """
        [chart] drivers of OUTCOME [on areas|questions] [where FILTER]
          Which areas (the scored ones, by default) or questions (on questions where area = X) move an
          outcome: nps, csat, ces, ves1, ves2 (the raw answers), total, an area id or a question id.
          Rows: answered inquiries with the outcome and every predictor (complete cases); the footer says
          how many were used and left out. Method: relative weights (Johnson 2000): each predictor's share
          of R² through the closest orthogonal version of the predictors; the shares add up to 100 %, the
          raw weights to R². Per predictor: share, its 95 % interval from 1000 bootstrap resamples of the
          inquiries (the same .seed gives the same table), r (correlation with the outcome) and points
          (its mean, the performance). From 10 000 complete cases on, where it is cheaper and no mean rests
          on a handful of inquiries, each round draws the answers' means and products from their normal
          approximation instead of redrawing every inquiry (seconds at 450 000); the footer says so. An
          outcome the same in all but \(rareBound) complete cases or fewer gets no intervals (the shares
          rest on those few inquiries), and the footer says why.
          Needs at least 30 complete cases and 10 per predictor: else an error (try areas instead of
          questions, or a broader filter). A predictor without variance, or perfectly collinear with
          those before it, is left out with a note.
          chart drivers of nps: importance (share) against performance (points) in four quadrants split at
          their means; high importance and low performance is "work on this first".
        """,
        "report": """
        report participant "NAME" [where season = S] [to FILE]
        report class "NAME" [where season = S] [to FILE]
          One report: on the screen, or to FILE by its ending: .html (one self-contained page), .pdf
          (the page printed by headless Chromium: scripts/setup or apt-get install chromium), .md, .txt.
        report participant * [where FILTER] to DIR/ [as html|pdf|md|txt]
        report class * [where FILTER] to DIR/ [as html|pdf|md|txt]
          Every participant (class) with an inquiry that passes the filter, one file each in DIR (made if
          missing; its parent must exist), html unless as says otherwise, and DIR/index.html linking them
          all with each one's Totalresultat (over its whole season, not only the filtered inquiries).
          File names are the names with æøå kept and / \\ " : * ? < > | and control characters as _;
          names that meet get " (2)", " (3)"; at most 200 bytes. where season = S picks the season.
          Both cores work (PDF: two Chromiums at a time); a bar on a terminal shows count, rate and time
          left. Ctrl-C stops: the files written are whole (each is renamed into place when complete),
          the rest and index.html are not written. Never into a loaded season's directory.
          report participant * where class = Bank to bank/ as pdf lang nb
          (lang nb|en, before to or at the end, sets the reports' and the index's language)
        """,
        "open": """
        .open [FILE]
          Opens the last report written (a batch: its index.html), or FILE, in the system's viewer
          (xdg-open; open on macOS) when there is a display ($DISPLAY or $WAYLAND_DISPLAY); without one
          it says where the file is. For a meeting: report participant "NAME" to r.pdf, then .open.
        """,
        "shoppers": """
        shoppers [where FILTER]
          Fieldwork quality control: per shopper, n (inquiries), total (their mean total) and leniency:
          the mean of (inquiry total − that participant's mean total without this shopper's inquiries),
          over inquiries at participants other shoppers also shopped, with its 95 % t-interval, p (one-
          sample t-test of leniency = 0) and p_adj (Holm over all shoppers tested). ▲ more lenient, ▼
          stricter, at p_adj < 0.05. Most lenient first. A shopper whose differences do not vary is not
          tested. Footer: the share of the variance of inquiry totals due to shoppers beyond participants,
          from a one-way random-effects ANOVA by shopper on total − participant mean: σ²_shopper =
          (MSB − MSW) / n₀, over the variance of the totals. With several seasons loaded: the latest, or
          where season = …. ksp generate --lenient-shopper S017:10 plants a lenient shopper to try it on.
        adjusted for channel
          Totals directly standardised to a channel mix (Σ_c w_c · mean_c): the whole table's for
          METRICS by DIM, b's for compare (a_adj, diff_adj), the ranked set's for rank (the rank stays by
          the raw figure). A group without inquiries on a channel of the mix is renormalised over its own
          channels and the missing ones are named in adj_missing.
        """,
        "labels": """
        Labels and language
          Reports and their charts speak the season's own words: area, channel and question names from
          season.yaml, and the fixed metrics by name (nb: Totalresultat, Score for besvarte, Ikke besvart,
          Ikke besvart på første forsøk, Median ventetid; en: Total, Score for answered, Not answered …).
          The language: report … lang nb|en, else .lang (or ksp --lang), else season.yaml's language:,
          else en. nb reports write a decimal comma (74,7) and Norwegian months (januar, jan); csv and
          json always write a point and keep the ids.
          Shell tables keep the ids you type as column headers; .labels on shows the names instead
          (Totalresultat, Kundebehandleren, Telefon; question ids stay, their text is in the text column).
        """,
        "parameters": """
        Script parameters: ksp SEASON -f monthly.ksq --set participant="Skjærvik Sparebank" --set month=2024-03
          or in the shell .set participant "Skjærvik Sparebank"; .unset participant; .set alone lists them.
          ${participant} in a statement goes in as one quoted value (participant = ${participant} is
          participant = "Skjærvik Sparebank"); a whole number goes in bare (top ${n}); inside quotes only
          the value's quote marks are doubled. In meta-commands the value goes in as it is
          (.output ${participant}.md). A parameter that is not set is an error naming it and the line.
          .title TEXT heads the next result: a line in table mode, ## in markdown, a "title" field in json,
          a sheet name in xlsx; csv and tsv only with --titles (a # line, a blank line between tables).
          Loop over classes: for c in Bank Forsikring; do ksp -f class-report.ksq --set class=$c; done
        """,
        "keys": """
        At the prompt: Tab completes keywords, metrics, dimensions and names (after class =, participant =,
          channel =); Up/Down walk the history (kept across sessions); Ctrl-R searches it; Ctrl-C clears the
          line; Ctrl-D on an empty line leaves. An unfinished quote or parenthesis continues on the next line.
        """,
    ]

    static func text(topic: String?) -> String {
        if let topic {
            if let t = topics[topic.lowercased()] { return t }
            return "no help on \"\(topic)\"; topics: " + topics.keys.sorted().joined(separator: ", ")
        }
        let more =
            "More: .help metrics | dimensions | filters | compare | gap | drivers | shoppers | report | labels | output"
            + " | parameters | keys"
        return [topics["statements"]!, topics["meta"]!, more].joined(separator: "\n\n")
    }
}
