/// The text of `.help [topic]`.
enum Help {
    static let topics: [String: String] = [
        "statements": """
        Statements (end at the end of the line or at ;):
          METRICS [by DIM[, DIM]] [across DIM] [where FILTER] [order by COLUMN [asc|desc]] [top N]
          compare DIM A vs B [on METRICS] [where FILTER]     B: a value, all, class, or (X, Y, Z)
          winners [where FILTER]                             class winners, Best i test, Best på <channel>
          rank [within class X] [by METRIC] [where FILTER] [top N]   ranks with 95 % bootstrap intervals
          chart METRIC by DIM [where FILTER] [top N]         a bar chart with the overall (or class) mean
          trend METRIC by month|week [by DIM] [where FILTER] sparklines through the season
          report participant "NAME" [where season = S] [to FILE]   the participant's report (.html, .md or text)
          report class "NAME" [where season = S] [to FILE]         the class's report
            a report is one season's: the latest loaded, or the one named with where season = …
          quotes [contains "text"] [where FILTER] [order by COLUMN] [top N]
          gap participant "NAME" [to winner|class|all|"OTHER"] [where FILTER] [top N]   what it takes (.help gap)
          [chart] drivers of OUTCOME [on areas|questions] [where FILTER]   what moves an outcome (.help drivers)
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
        compare DIM A vs B [on METRICS] [where FILTER]
          B is a value of DIM, all (every inquiry in the filter), class (for a participant: the rest of its
          class, the participant left out) or a list (X, Y, Z).
          One row per metric: a, b, diff = a − b, n_a, n_b, p and sig (* p < 0.05, ** p < 0.01).
          Tests: means (total, areas, questions on a scale, csat, ces, ves1, ves2): Welch's t-test;
          shares (noanswer, noanswer1, a yes/no question's yes-share): two-proportion z-test (pooled);
          nps: z-test with Var(NPS) = 100² · (p(1−p) + d(1−d) + 2pd) / n per side.
          A base below .minbase is flagged: with 25 inquiries most differences are noise.
        Markers in tables: in a group table each group is tested against the rest of the table, in a
          crosstab each cell against the rest of its row, with the tests above at 95 %. Holm's correction
          over the cells compared together keeps the chance of any false ▲/▼ among them below 5 %.
          Cells on fewer than .minbase inquiries are not tested. csv and json carry <column>_sig
          (above / below / empty) instead of the markers.
        .ci on adds the 95 % interval of every mean (t-distribution) and NPS (normal approximation).
        rank: each participant's rank by a metric (default total) with a 95 % interval from 1000
          bootstrap resamples of its own inquiries; the same .seed gives the same table. Overlapping
          intervals mean the order between them is within noise.
        """,
        "output": """
        Output: .mode table|markdown|csv|tsv|json|xlsx; .output FILE sends results to a file, .output alone back
          to the screen. tsv is what Excel, PowerPoint and Google Sheets paste best. xlsx: with .output FILE.xlsx
          each result adds a sheet (named by .title; header bold, numbers as numbers, notes below); --format xlsx
          > FILE.xlsx from a script. report … to FILE.xlsx writes a report's tables.
          Tables mark figures on fewer than .minbase inquiries (default 10) with *.
          csv: a header row, dimension columns first, . decimals; json: an array of objects keyed like the csv.
        export inquiries [where FILTER] to FILE.csv|.jsonl|.xlsx: one row per scored inquiry (ids, class,
          channel, times, answered, wait_seconds, total, areas, each question's points and <id>_raw, comments)
          for DuckDB, Power BI or a warehouse. On the command line, to standard output:
          ksp export SEASON_DIR [--where …] --format csv|jsonl
        """,
        "meta": """
        Meta-commands:
          .help [topic]          this help; topics: statements metrics dimensions filters compare gap drivers
                                 output parameters meta keys
          .load DIR [DIR…]       load a season, or several side by side (what is loaded stays if one has errors)
          .reload                read the loaded seasons again from disk (an export growing during fieldwork)
          .mode FORMAT           table, markdown, csv, tsv, json or xlsx
          .output [FILE]         results to FILE; no FILE: back to the screen
          .read FILE             run the statements in FILE
          .timer on|off          print each statement's time
          .minbase N             mark figures on fewer than N inquiries (default 10)
          .ci on|off             95 % confidence intervals beside means and NPS
          .seed N                seed of the rank and drivers bootstrap (default 1)
          .pager on|off|auto     page results taller than the screen ($PAGER, else less -SRX)
          .classes               classes with their participants and inquiries
          .participants [CLASS]  participants (of one class)
          .questions [AREA]      the questionnaire (of one area)
          .schema                areas, weights and channels' wait rules
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
          (its mean, the performance).
          Needs at least 30 complete cases and 10 per predictor: else an error (try areas instead of
          questions, or a broader filter). A predictor without variance, or perfectly collinear with
          those before it, is left out with a note.
          chart drivers of nps: importance (share) against performance (points) in four quadrants split at
          their means; high importance and low performance is "work on this first".
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
        let more = "More: .help metrics | dimensions | filters | compare | gap | drivers | output | parameters | keys"
        return [topics["statements"]!, topics["meta"]!, more].joined(separator: "\n\n")
    }
}
