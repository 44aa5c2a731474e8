-- baseline.sql in PostgreSQL's dialect, for the P3 ratio: the straightforward GROUP BY queries over
-- the raw tables (no tallies). Run as: psql ADDRESS -f baseline-postgres.sql > /dev/null
SELECT status, disposition, attempts > 0, count(*) FROM contact WHERE campaignId = 'big' GROUP BY 1, 2, 3;
SELECT leaseAgent, count(*) FROM contact WHERE campaignId = 'big' AND leaseUntil > 1795400000 GROUP BY 1;
SELECT agent, count(*), count(DISTINCT startedAt / 3600) FROM call WHERE campaignId = 'big' GROUP BY agent;
SELECT agent, count(*), sum(endedAt - startedAt) FROM interview WHERE campaignId = 'big' AND status = 'complete' GROUP BY agent;
SELECT a.questionId, a.number, count(*) FROM interview i JOIN answer a ON a.interviewId = i.id
WHERE i.campaignId = 'big' AND i.status = 'complete' AND a.questionId IN ('nps', 'ces', 'csat') GROUP BY 1, 2;
SELECT i.agent, avg(a.number) FROM interview i JOIN answer a ON a.interviewId = i.id
WHERE i.campaignId = 'big' AND i.status = 'complete' AND a.questionId = 'nps' GROUP BY 1;
SELECT to_timestamp(i.endedAt)::date, count(*) FROM interview i JOIN answer a ON a.interviewId = i.id
WHERE i.campaignId = 'big' AND i.status = 'complete' AND a.questionId = 'nps' GROUP BY 1;
SELECT count(*), count(*) FILTER (WHERE dueAt < 1795400000) FROM followup WHERE campaignId = 'big' AND resolvedAt IS NULL;
-- Choice and yes/no frequencies (stats reads choiceTally).
SELECT a.questionId, a.value, count(*) FROM interview i JOIN answer a ON a.interviewId = i.id
WHERE i.campaignId = 'big' AND i.status = 'complete' AND a.questionId = 'may_contact' GROUP BY 1, 2;
-- Time logged in per agent: sessions of calls with gaps of at most 15 minutes (stats reads agentSession).
WITH span AS (SELECT agent, startedAt AS s, greatest(COALESCE(endedAt, startedAt), startedAt) AS e FROM call WHERE campaignId = 'big'),
reach AS (SELECT *, max(e) OVER (PARTITION BY agent ORDER BY s, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before FROM span),
numbered AS (SELECT *, sum(CASE WHEN before IS NULL OR s > before + 900 THEN 1 ELSE 0 END)
                       OVER (PARTITION BY agent ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS session FROM reach)
SELECT agent, sum(e - s) FROM (SELECT agent, min(s) AS s, max(e) AS e FROM numbered GROUP BY agent, session) AS sessions GROUP BY agent;
