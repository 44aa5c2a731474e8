-- B4 peer: the sqlite3 shell writing the rows `callpulse export big` writes (one per complete interview,
-- answers as columns, notes joined) with `.mode csv`. Run as: sqlite3 big.sqlite < export-baseline.sql
.headers on
.mode csv
.output /dev/null
SELECT i.id AS interview_id, i.contactId AS contact_id, c.phone, c.name, c.firstName AS first_name,
       c.lastName AS last_name, i.agent, i.language,
       strftime('%Y-%m-%d %H:%M', i.startedAt, 'unixepoch', 'localtime') AS started,
       strftime('%Y-%m-%d %H:%M', i.endedAt, 'unixepoch', 'localtime') AS ended,
       i.endedAt - i.startedAt AS duration_s, COALESCE(c.disposition, i.disposition) AS disposition,
       max(CASE a.questionId WHEN 'nps' THEN json_extract(a.value, '$') END) AS nps,
       max(CASE a.questionId WHEN 'nps_reason' THEN json_extract(a.value, '$') END) AS nps_reason,
       max(CASE a.questionId WHEN 'ces' THEN json_extract(a.value, '$') END) AS ces,
       max(CASE a.questionId WHEN 'csat' THEN json_extract(a.value, '$') END) AS csat,
       max(CASE a.questionId WHEN 'may_contact' THEN json_extract(a.value, '$') END) AS may_contact,
       (SELECT group_concat(text, ' | ') FROM note WHERE note.interviewId = i.id) AS notes
FROM interview i JOIN contact c ON c.id = i.contactId LEFT JOIN answer a ON a.interviewId = i.id
WHERE i.campaignId = 'big' AND i.status = 'complete'
GROUP BY i.id ORDER BY i.id;
