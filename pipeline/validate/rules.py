"""Derived tables the expectations run on: reconciliation of printed totals, keys, plausibility.

Pure (DuckDB over the in-memory frames, no Great Expectations): each table has one row per thing that can fail,
with the location of the printed cell a reader would look at.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from pipeline.extract.tidy import TIDY_KEY, conform_refusals
from pipeline.sources.manifest import Source

DEFAULT_SUPPRESSION = (1, 4)  # a suppressed cell hides 1 to 4 unless the source's manifest entry says otherwise

_LOCATION = """
    coalesce('page ' || {t}.page::VARCHAR || ', table ' || {t}.table_index::VARCHAR || ', row '
             || {t}.row_index::VARCHAR, 'line ' || {t}.row_index::VARCHAR)
    || ', column ' || {t}.column_index::VARCHAR || ' (' || coalesce({t}.column_header, '') || ')'
"""

UCR_RECONCILIATION_SQL = f"""
WITH ucr AS (SELECT * FROM facts WHERE offense = 'prostitution_commercialized_vice'),
parts AS (
    SELECT source_id, row_label, row_index, sum(count) AS parts_sum, count(*) FILTER (WHERE count IS NULL) AS hidden
    FROM ucr WHERE jurisdiction_type IN ('town', 'state_police', 'other_agency', 'unmapped')
    GROUP BY ALL
),
statewide AS (
    SELECT source_id, row_label, count AS printed_total, cell_text, {_LOCATION.format(t='ucr')} AS location
    FROM ucr WHERE jurisdiction_type = 'statewide'
),
counties AS (
    SELECT source_id, row_label, sum(count) AS printed_total, string_agg(cell_text, '+' ORDER BY column_index)
           AS cell_text, 'line ' || min(row_index)::VARCHAR || ', county columns' AS location
    FROM ucr WHERE jurisdiction_type = 'county' GROUP BY ALL
)
SELECT p.source_id, 'statewide_equals_agencies' AS rule, p.row_label AS "group",
       s.printed_total, p.parts_sum, p.hidden AS suppressed_parts,
       coalesce(s.location, 'line ' || p.row_index::VARCHAR || ': no statewide column') AS location,
       s.cell_text
FROM parts p LEFT JOIN statewide s USING (source_id, row_label)
UNION ALL
SELECT p.source_id, 'counties_equal_agencies', p.row_label, c.printed_total, p.parts_sum, p.hidden, c.location,
       c.cell_text
FROM parts p JOIN counties c USING (source_id, row_label)
"""

UCR_BREAKDOWN_SQL = """
WITH per_column AS (
    SELECT source_id, column_index, column_header, breakdown, sum(count) AS total
    FROM facts WHERE offense = 'prostitution_commercialized_vice' GROUP BY ALL
)
SELECT s.source_id, 'breakdowns_agree' AS rule, s.column_header AS "group",
       s.total AS printed_total, other.total AS parts_sum, 0 AS suppressed_parts,
       'column ' || s.column_index::VARCHAR || ' (' || s.column_header || '): sex rows ' || s.total::VARCHAR
       || ', ' || other.breakdown || ' rows ' || other.total::VARCHAR AS location,
       NULL AS cell_text
FROM per_column s JOIN per_column other USING (source_id, column_index)
WHERE s.breakdown = 'sex' AND other.breakdown IN ('age', 'race')
"""

# A printed total (TIPC Total row or column) against the single-year rows it sums.
TIPC_RECONCILIATION_SQL = f"""
WITH tipc AS (SELECT * FROM facts WHERE source_id IN (SELECT source_id FROM tipc_sources)),
totals AS (SELECT * FROM tipc WHERE printed_total),
rows AS (SELECT * FROM tipc WHERE NOT printed_total)
SELECT t.source_id,
       CASE WHEN t.jurisdiction_type = 'statewide' THEN 'total_row_equals_rows' ELSE 'total_column_equals_row' END
           AS rule,
       t.offense || ' ' || t.measure || ' ' || t.jurisdiction || ' ' || t.period_start::VARCHAR
           || CASE WHEN t.period_end <> t.period_start THEN '-' || t.period_end::VARCHAR ELSE '' END AS "group",
       t.count AS printed_total,
       coalesce(sum(r.count), 0) AS parts_sum,
       count(r.source_id) FILTER (WHERE r.count IS NULL) AS suppressed_parts,
       {_LOCATION.format(t='t')} AS location,
       t.cell_text
FROM totals t
LEFT JOIN rows r ON r.source_id = t.source_id AND r.offense = t.offense AND r.measure = t.measure
    AND r.period_start >= t.period_start AND r.period_end <= t.period_end
    AND (t.jurisdiction_type = 'statewide' OR (r.jurisdiction = t.jurisdiction AND r.row_label = t.row_label))
GROUP BY ALL
"""

# A table printed in rounded units (thousands with one decimal): each part of a total is off by up to half a unit
# of its last digit, so parts reconcile with their total within (parts + 1) x half a unit; a '–' ("represents
# zero") hiding a few hundred, or a misprinted total, shows as a gap outside that.
NATIONAL_RECONCILIATION_SQL = f"""
WITH national AS (SELECT * FROM facts WHERE jurisdiction_type = 'national'),
half_unit AS (SELECT source_id, max(count / printed_value) / 20 AS half FROM national
              WHERE printed_value > 0 GROUP BY ALL),
by_sex AS (
    SELECT t.source_id, 'sexes_sum_to_total' AS rule,
           t.row_label || ' / ' || coalesce(t.age_group, 'all ages') AS "group",
           t.count AS printed_total, sum(p.count) AS parts_sum, t.cell_text, t.row_index, t.column_index,
           t.column_header, t.page, t.table_index, count(p.source_id) AS parts
    FROM national t JOIN national p ON p.source_id = t.source_id AND p.offense = t.offense
         AND p.age_group IS NOT DISTINCT FROM t.age_group AND p.sex IS NOT NULL
    WHERE t.sex IS NULL GROUP BY ALL
),
by_age AS (
    SELECT t.source_id, 'ages_sum_to_total', t.row_label || ' / ' || coalesce(t.sex, 'both sexes'),
           t.count, sum(p.count), t.cell_text, t.row_index, t.column_index, t.column_header, t.page,
           t.table_index, count(p.source_id)
    FROM national t JOIN national p ON p.source_id = t.source_id AND p.offense = t.offense
         AND p.sex IS NOT DISTINCT FROM t.sex AND p.age_group IS NOT NULL
    WHERE t.age_group IS NULL GROUP BY ALL
)
SELECT b.source_id, b.rule, b."group", b.printed_total, b.parts_sum, 0 AS suppressed_parts,
       {_LOCATION.format(t='b')} AS location, b.cell_text, round((b.parts + 1) * h.half)::BIGINT AS tolerance
FROM (SELECT * FROM by_sex UNION ALL SELECT * FROM by_age) b JOIN half_unit h USING (source_id)
WHERE b.printed_total IS NOT NULL
"""

# National counts printed as whole numbers (the FBI bulk files): each sex total equals its age groups exactly.
NATIONAL_AGES_SQL = f"""
WITH whole AS (SELECT * FROM facts WHERE jurisdiction_type = 'national' AND printed_value IS NULL)
SELECT t.source_id, 'age_groups_sum_to_sex_total' AS rule,
       t.offense || ' ' || t.period_start::VARCHAR || ' / ' || t.sex || ' ' || t.age_group AS "group",
       t.count AS printed_total, sum(p.count) AS parts_sum, count(p.source_id) FILTER (WHERE p.count IS NULL)
       AS suppressed_parts, {_LOCATION.format(t='t')} AS location, t.cell_text
FROM whole t JOIN whole p ON p.source_id = t.source_id AND p.offense = t.offense AND p.sex = t.sex
     AND p.period_start = t.period_start AND p.breakdown = 'sex_age'
WHERE t.breakdown = 'sex' AND t.printed_total
GROUP BY ALL
"""

# Two independent national sources of the same arrests: every cell of a table printed in rounded units (Table
# 324, thousands) against the sum of the whole-number counts (FBI bulk files, one per age span) for the same
# year, offence, sex and age span, within half a unit of the printed digit. Only offences both sources hold.
NATIONAL_SOURCES_SQL = f"""
WITH printed AS (SELECT * FROM facts WHERE jurisdiction_type = 'national' AND unit IS NOT NULL),
half_unit AS (SELECT source_id, max(count / printed_value) / 20 AS half FROM printed
              WHERE printed_value > 0 GROUP BY ALL),
whole AS (SELECT * FROM facts WHERE jurisdiction_type = 'national' AND unit IS NULL
          AND breakdown = 'sex' AND printed_total),
matched AS (
    SELECT t.source_id, t.row_label, t.period_start, t.sex, t.age_group, t.count, t.cell_text, t.page,
           t.table_index, t.row_index, t.column_index, t.column_header, any_value(h.half) AS half,
           string_agg(DISTINCT w.source_id, ' + ' ORDER BY w.source_id) AS other_sources, sum(w.count) AS parts_sum
    FROM printed t JOIN half_unit h USING (source_id)
    JOIN whole w ON w.offense = t.offense AND w.period_start = t.period_start AND w.period_end = t.period_end
         AND w.source_id <> t.source_id
         AND (t.sex IS NULL OR w.sex = t.sex) AND (t.age_group IS NULL OR w.age_group = t.age_group)
    GROUP BY ALL
)
SELECT m.source_id, 'national_sources_agree' AS rule,
       m.row_label || ' ' || m.period_start::VARCHAR || ' / ' || coalesce(m.sex, 'both sexes') || ' / '
           || coalesce(m.age_group, 'all ages') || ' vs ' || m.other_sources AS "group",
       m.count AS printed_total, m.parts_sum, 0 AS suppressed_parts, {_LOCATION.format(t='m')} AS location,
       m.cell_text, round(m.half)::BIGINT AS tolerance
FROM matched m
"""

_KEY = ", ".join(f"coalesce(f.{column}::VARCHAR, '∅')" for column in TIDY_KEY)
# What the row-level expectations read besides the contract columns; one definition for both engines.
DERIVED_COLUMNS_SQL = f"""
       coalesce(f.period_start >= p.first_year AND f.period_end <= p.last_year, false) AS year_in_source_period,
       CASE WHEN f.jurisdiction_type = 'town' THEN f.jurisdiction END AS town_or_null,
       concat_ws('|', {_KEY}) AS key  -- one text per row, nulls spelled out, so duplicates can be shown
"""
CHECKED_FACTS_SQL = f"""
SELECT f.*, {DERIVED_COLUMNS_SQL}
FROM facts f LEFT JOIN source_periods p ON p.source_id = f.source_id
"""

PLAUSIBILITY_SQL = """
SELECT source_id, role, min(period_start) AS period_start, max(period_end) AS period_end,
       sum(count) FILTER (WHERE measure = 'arrests') AS arrests,
       sum(count) FILTER (WHERE measure = 'convictions') AS convictions,
       sum(count) FILTER (WHERE measure = 'convictions') <= sum(count) FILTER (WHERE measure = 'arrests')
           AS plausible
FROM facts
WHERE role IS NOT NULL AND NOT printed_total
GROUP BY ALL
HAVING arrests IS NOT NULL AND convictions IS NOT NULL
ORDER BY ALL
"""


def reconciliation(facts: pd.DataFrame, tipc_sources: list[str],
                   suppression: dict[str, tuple[int, int]]) -> pd.DataFrame:
    """Every printed total against the sum of its printed parts.

    Where parts are suppressed, the gap must lie between k x min and k x max of the source's suppression rule
    (k suppressed cells); a gap outside that range, or any gap without suppression, does not reconcile.
    """
    con = duckdb.connect()
    con.register("facts", facts)
    try:
        return reconciliation_in(con, tipc_sources, suppression)
    finally:
        con.close()


RECONCILIATION_SQL = f"""
WITH totals AS (
    SELECT *, 0 AS tolerance FROM ({UCR_RECONCILIATION_SQL}) UNION ALL
    SELECT *, 0 FROM ({UCR_BREAKDOWN_SQL}) UNION ALL
    SELECT *, 0 FROM ({TIPC_RECONCILIATION_SQL}) UNION ALL
    SELECT * FROM ({NATIONAL_RECONCILIATION_SQL}) UNION ALL
    SELECT *, 0 FROM ({NATIONAL_AGES_SQL}) UNION ALL
    SELECT * FROM ({NATIONAL_SOURCES_SQL})
),
judged AS (
    SELECT t.* EXCLUDE (tolerance), t.printed_total - t.parts_sum AS gap,
           t.suppressed_parts * coalesce(s.low, {DEFAULT_SUPPRESSION[0]:d}) - t.tolerance AS allowed_gap_min,
           t.suppressed_parts * coalesce(s.high, {DEFAULT_SUPPRESSION[1]:d}) + t.tolerance AS allowed_gap_max
    FROM totals t LEFT JOIN suppression_rules s ON s.source_id = t.source_id
)
SELECT *, coalesce(printed_total IS NOT NULL AND gap >= allowed_gap_min AND gap <= allowed_gap_max, false)
          AS reconciles
FROM judged
ORDER BY source_id, rule, "group", location, cell_text, printed_total, parts_sum
"""


def register_reconciliation_inputs(con: duckdb.DuckDBPyConnection, tipc_sources: list[str],
                                   suppression: dict[str, tuple[int, int]]) -> None:
    """What RECONCILIATION_SQL reads besides `facts`: the TIPC sources and each source's suppression rule."""
    con.register("tipc_sources", pd.DataFrame({"source_id": pd.Series(tipc_sources, dtype="string")}))
    con.register("suppression_rules", pd.DataFrame(
        [(source_id, low, high) for source_id, (low, high) in suppression.items()],
        columns=["source_id", "low", "high"]).astype({"source_id": "string", "low": "Int64", "high": "Int64"}))


def reconciliation_in(con: duckdb.DuckDBPyConnection, tipc_sources: list[str],
                      suppression: dict[str, tuple[int, int]]) -> pd.DataFrame:
    """The same, where `facts` is already a table of the connection."""
    register_reconciliation_inputs(con, tipc_sources, suppression)
    table = con.execute(RECONCILIATION_SQL).df()
    integers = ["printed_total", "parts_sum", "suppressed_parts", "gap", "allowed_gap_min", "allowed_gap_max"]
    return table.astype({**{c: "Int64" for c in integers}, "source_id": "string", "rule": "string",
                         "group": "string", "location": "string", "reconciles": bool})


def plausibility(facts: pd.DataFrame) -> pd.DataFrame:
    """Over each source's whole period, convictions should not exceed arrests for a role."""
    con = duckdb.connect()
    con.register("facts", facts)
    try:
        return plausibility_in(con)
    finally:
        con.close()


def plausibility_in(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    table = con.execute(PLAUSIBILITY_SQL).df()
    return table.astype({"arrests": "Int64", "convictions": "Int64", "plausible": bool})  # sums: integers


def register_source_periods(con: duckdb.DuckDBPyConnection, sources: list[Source]) -> None:
    """The period each manifest entry declares, for year_in_source_period."""
    con.register("source_periods", pd.DataFrame(
        [(s.id, s.period[0], s.period[1]) for s in sources], columns=["source_id", "first_year", "last_year"]))


def checked_facts(facts: pd.DataFrame, sources: list[Source]) -> pd.DataFrame:
    """The facts with DERIVED_COLUMNS_SQL added, rows in their order (so failing rows keep their place)."""
    con = duckdb.connect()
    try:
        con.register("facts", facts.assign(_position=range(len(facts))))
        register_source_periods(con, sources)
        derived = con.execute(f"SELECT {DERIVED_COLUMNS_SQL} FROM facts f LEFT JOIN source_periods p "
                              "ON p.source_id = f.source_id ORDER BY f._position").df()
    finally:
        con.close()
    return facts.assign(year_in_source_period=derived.year_in_source_period.astype(bool).to_numpy(),
                        town_or_null=derived.town_or_null.astype("string").to_numpy(),
                        key=derived.key.astype("string").to_numpy())


def refusals(refused: pd.DataFrame | None) -> pd.DataFrame:
    """The tables the reader refused, one row each, `read` False: what the `tables_read` check fails on (an
    empty table when every table was read)."""
    frame = conform_refusals(refused)
    return frame.assign(read=pd.Series([False] * len(frame), index=frame.index, dtype=bool))
