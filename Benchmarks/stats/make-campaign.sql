-- B3 synthetic campaign 'big' (Benchmarks/stats/run.sh): 1,000,000 contacts, 750,000 calls, 250,000 complete
-- interviews, 1,500,000 answers, 50,000 open follow-ups. Run on a database migrated by callpulse: the triggers fill the tallies.
PRAGMA synchronous = OFF;
PRAGMA foreign_keys = OFF;
BEGIN;
INSERT INTO contact (id, campaignId, phone, fields, status, disposition, attempts, nextCallAt)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
SELECT i, 'big', '+35840' || (1000000 + i),
       json_object('touchpoint', CASE i % 4 WHEN 0 THEN 'support' WHEN 1 THEN 'delivery' WHEN 2 THEN 'shop' ELSE 'web' END,
                   'segment', CASE i % 3 WHEN 0 THEN 'b2b' ELSE 'consumer' END),
       CASE WHEN i <= 450000 THEN 'done' WHEN i <= 750000 THEN 'scheduled' ELSE 'new' END,
       CASE WHEN i <= 250000 THEN '1.1' WHEN i <= 350000 THEN '2.11' WHEN i <= 400000 THEN '4.31'
            WHEN i <= 450000 THEN '3.13' END,
       CASE WHEN i <= 750000 THEN 1 ELSE 0 END,
       CASE WHEN i > 450000 AND i <= 750000 THEN 1795400000 + i END
FROM n;
INSERT INTO call (contactId, campaignId, agent, startedAt, endedAt, outcome, aapor)
SELECT id, 'big', 'agent' || (id % 20), 1793000000 + (id * 2400) % 2592000, 1793000000 + (id * 2400) % 2592000 + 60,
       CASE disposition WHEN '1.1' THEN 'answered' WHEN '2.11' THEN 'refused' WHEN '4.31' THEN 'notInUse' ELSE 'noAnswer' END,
       COALESCE(disposition, '3.13')
FROM contact WHERE campaignId = 'big' AND attempts > 0;
INSERT INTO interview (id, contactId, campaignId, agent, language, status, startedAt, endedAt, disposition)
SELECT id, id, 'big', 'agent' || (id % 20), 'fi', 'complete', 1793000000 + (id * 2400) % 2592000,
       1793000000 + (id * 2400) % 2592000 + 120 + id % 180, '1.1'
FROM contact WHERE campaignId = 'big' AND disposition = '1.1';
INSERT INTO answer (interviewId, questionId, value, number, agent, answeredAt)
SELECT i.id, q.id,
       CASE q.id WHEN 'nps' THEN CAST((i.id * 7) % 11 AS TEXT) WHEN 'ces' THEN CAST(1 + (i.id * 3) % 5 AS TEXT)
                 WHEN 'csat' THEN CAST(1 + (i.id * 5) % 5 AS TEXT) WHEN 'may_contact' THEN 'true' ELSE '"hyvä"' END,
       CASE q.id WHEN 'nps' THEN (i.id * 7) % 11 WHEN 'ces' THEN 1 + (i.id * 3) % 5 WHEN 'csat' THEN 1 + (i.id * 5) % 5 END,
       i.agent, i.endedAt
FROM interview i, (SELECT 'nps' AS id UNION ALL SELECT 'nps_reason' UNION ALL SELECT 'ces' UNION ALL SELECT 'csat'
                   UNION ALL SELECT 'may_contact' UNION ALL SELECT 'comment') q
WHERE i.campaignId = 'big';
INSERT INTO followup (campaignId, contactId, interviewId, alertIndex, reason, createdAt, dueAt)
SELECT 'big', id, id, 0, 'Dissatisfied', endedAt, endedAt + 86400 FROM interview WHERE campaignId = 'big' AND id % 5 = 0;
UPDATE contact SET leaseAgent = 'agent' || (id % 20), leaseUntil = 1900000000 WHERE id BETWEEN 750001 AND 750020;
UPDATE contact SET appointmentAgent = 'agent1' WHERE id BETWEEN 450001 AND 450500;
COMMIT;
ANALYZE;
