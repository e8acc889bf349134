-- The funnel's numbers per UTC month (f_move_m, f_stay_m, f_lost_m), computed from its numbers per day (f_move,
-- f_stay, f_lost) for a database that holds day numbers written before the month numbers were kept: one row per
-- month number, its sub-key the day's without the day of the month ("2025-06-14|new|contacted" counts towards
-- "2025-06|new|contacted"). A day is "<year>-MM-dd" before the first "|", so the month ends four characters before it.
-- Every change writes its day and its month numbers together, so the month numbers are always the sums of the day
-- numbers: any month numbers already there are replaced, which makes the script right whenever it runs (as long
-- as nothing writes meanwhile); in a new database there is nothing to do.
DELETE FROM lm_tally WHERE tally IN ('f_move_m', 'f_stay_m', 'f_lost_m');
INSERT INTO lm_tally (tenant_id, project_id, id, tally, tally_key, tally_sub, n)
SELECT tenant_id, project_id, UUID(), tally_m, tally_key, sub_m, SUM(n) FROM (
    SELECT tenant_id, project_id, CONCAT(tally, '_m') AS tally_m, tally_key,
        CONCAT(SUBSTRING(tally_sub, 1, POSITION('|' IN tally_sub) - 4),
            SUBSTRING(tally_sub, POSITION('|' IN tally_sub))) AS sub_m, n
    FROM lm_tally WHERE tally IN ('f_move', 'f_stay', 'f_lost')
) d GROUP BY tenant_id, project_id, tally_m, tally_key, sub_m HAVING SUM(n) <> 0;
