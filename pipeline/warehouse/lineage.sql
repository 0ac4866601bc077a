-- For each published count: the warehouse fact rows (= source cells) it was computed from.
CREATE OR REPLACE TABLE lineage AS
WITH ucr AS (
    SELECT * FROM facts WHERE offense = 'prostitution_commercialized_vice' AND breakdown = 'sex'
),
statewide_basis AS (  -- a year with a printed statewide column uses it, else its county columns (2015)
    SELECT source_id, bool_or(jurisdiction_type = 'statewide') AS has_statewide FROM ucr GROUP BY ALL
)
SELECT 'ucr_town_' || u.sex || '_arrests' AS metric, u.jurisdiction AS town, u.period_start AS year, u.sex,
       NULL AS role, u.source_id, u.source_sha256, s.filename, u.page, u.table_index, u.row_index,
       u.column_index, u.column_header, u.row_label, u.cell_text, u.count, u.agency
FROM ucr u JOIN sources s USING (source_id)
WHERE u.jurisdiction_type = 'town'
UNION ALL
SELECT 'ucr_statewide_' || u.sex || '_arrests', NULL, u.period_start, u.sex, NULL, u.source_id, u.source_sha256,
       s.filename, u.page, u.table_index, u.row_index, u.column_index, u.column_header, u.row_label, u.cell_text,
       u.count, u.agency
FROM ucr u JOIN sources s USING (source_id) JOIN statewide_basis b USING (source_id)
WHERE (b.has_statewide AND u.jurisdiction_type = 'statewide') OR (NOT b.has_statewide AND u.jurisdiction_type = 'county')
UNION ALL
SELECT 'published_' || f.role || '_' || f.measure, NULL, NULL, NULL, f.role, f.source_id, f.source_sha256,
       s.filename, f.page, f.table_index, f.row_index, f.column_index, f.column_header, f.row_label, f.cell_text,
       f.count, f.agency
FROM facts f JOIN sources s USING (source_id)
WHERE s.dataset = 'published_judicial'
ORDER BY ALL;
