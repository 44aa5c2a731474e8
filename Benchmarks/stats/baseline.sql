-- The straightforward GROUP BY queries over the raw tables (no tallies), for the B3 ratio.
SELECT status, disposition, attempts > 0, count(*) FROM contact WHERE campaignId = 'big' GROUP BY 1, 2, 3;
SELECT leaseAgent, count(*) FROM contact WHERE campaignId = 'big' AND leaseUntil > 1795400000 GROUP BY 1;
SELECT agent, count(*), count(DISTINCT startedAt / 3600) FROM call WHERE campaignId = 'big' GROUP BY agent;
SELECT agent, count(*), sum(endedAt - startedAt) FROM interview WHERE campaignId = 'big' AND status = 'complete' GROUP BY agent;
SELECT a.questionId, a.number, count(*) FROM interview i JOIN answer a ON a.interviewId = i.id
WHERE i.campaignId = 'big' AND i.status = 'complete' AND a.questionId IN ('nps', 'ces', 'csat') GROUP BY 1, 2;
SELECT i.agent, avg(a.number) FROM interview i JOIN answer a ON a.interviewId = i.id
WHERE i.campaignId = 'big' AND i.status = 'complete' AND a.questionId = 'nps' GROUP BY 1;
SELECT date(i.endedAt, 'unixepoch'), count(*) FROM interview i JOIN answer a ON a.interviewId = i.id
WHERE i.campaignId = 'big' AND i.status = 'complete' AND a.questionId = 'nps' GROUP BY 1;
SELECT count(*), count(*) FILTER (WHERE dueAt < 1795400000) FROM followup WHERE campaignId = 'big' AND resolvedAt IS NULL;
