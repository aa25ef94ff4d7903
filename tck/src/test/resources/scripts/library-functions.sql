-- Functions beyond standard SQL that programs written for H2 use (docs/SQL.md, "Functions beyond standard SQL").
create table f(id int primary key, s varchar(20), t varchar(20), n int, d decimal(8,3), dt date, ts timestamp);
insert into f values (1, 'Hello World', 'lo', 3, 1.567, date '2024-03-15', timestamp '2024-03-15 13:04:05');
insert into f values (2, 'abcabc', 'c', -2, -1.5, date '2023-12-31', timestamp '2023-12-31 23:59:59');
insert into f values (3, null, null, null, null, null, null);
insert into f values (4, '', 'x', 0, 0, date '2000-02-29', timestamp '2000-02-29 00:00:00');

-- LENGTH and BIT_LENGTH are INTEGER (H2: BIGINT), as CHAR_LENGTH is (docs/SQL.md); the casts compare values
select id, cast(length(s) as bigint) as l, cast(length('') as bigint) as e from f order by id;
select id, concat(s, '!', t) as c, concat(null, null) as nn, concat(s, n) as cn from f order by id;
select id, concat_ws('-', s, t, null) as ws from f order by id;
select id, left(s, 3) as l3, right(s, 2) as r2, left(s, 100) as all_of_it, left(s, -1) as nothing from f order by id;
select id, lpad(s, 14, '*') as lp, rpad(s, 14, '*') as rp, lpad(s, 3) as cut, lpad(t, 4) as sp from f order by id;
select id, ltrim('  ' || s || '  ') || '|' as lt, '|' || rtrim('  ' || s || '  ') as rt from f order by id;
select id, substr(s, 2) as a, substr(s, 2, 3) as b, substr(s, -3) as c, substr(s, 0, 2) as z from f order by id;
select id, instr(s, t) as i, instr(s, t, 4) as i4, instr(s, 'zzz') as nowhere from f order by id;
select id, repeat(t, 3) as r, repeat(t, 0) as r0, '[' || space(n) || ']' as sp from f order by id;
select id, translate(s, 'lo', 'LO') as tr from f order by id;
select id, chr(65 + id) as c, char(97 + id) as c2 from f order by id;
select id, soundex(s) as sx, difference(s, t) as df from f where id in (1, 2) order by id;
select id, regexp_replace(s, 'l+', 'L') as r, regexp_replace(s, '(b)(c)', '$2$1') as sw from f order by id;
select id, regexp_like(s, '^H.*d$') as m, regexp_substr(s, '[a-z]+') as w from f order by id;
select id from f where s ilike 'hello%' or s ilike '%ABC';
select id from f where s not ilike 'h%' order by id;
select id, cast(bit_length(s) as bigint) as bits from f order by id;

select id, ifnull(n, -1) as a, nvl(s, 'none') as b, nvl2(n, 'set', 'unset') as c from f order by id;
select id, decode(n, 3, 'three', -2, 'minus two', 'other') as dc, decode(s, null, 'no s', 'has s') as dn from f order by id;
select id, greatest(n, 1, id) as g, least(n, 1, id) as l, greatest(d, 0.5) as gd from f order by id;
select id, greatest(s, t) as gs, least(dt, date '2020-01-01') as ld from f order by id;

select id, log(2, 8) as l2, log(3, 81) as l3, log(exp(2)) as ln2 from f where id = 1;
select id, trunc(d * 10) / 10 as t1, trunc(n / 2.0) as t0 from f order by id;
select id, random() >= 0 and random() < 1 as in_range from f where id = 1;
select id, sinh(0) as s, cosh(0) as c, tanh(0) as t from f where id = 1;

select id, dayname(dt) as dn, monthname(dt) as mn from f order by id;
select id, to_char(dt, 'YYYY-MM-DD') as iso, to_char(dt, 'DD.MM.YYYY') as de, to_char(dt, 'Month DD, YYYY') as us from f order by id;
select id, to_char(ts, 'YYYY-MM-DD HH24:MI:SS') as full_ts, to_char(ts, 'HH12:MI AM') as ampm, to_char(ts, 'Mon DY') as md from f order by id;

select bool_and(n > -5) as all_big, bool_or(n > 2) as any_big from f;
select id, bool_and(n > 0) as pos from f group by id order by id;

-- differs: LPAD and RPAD repeat the whole padding string, as PostgreSQL does; H2 repeats its first character (docs/SQL.md)
-- vsl: Outcome[columns=[P], types=[STRING], rows=[[xyxab]], updateCount=-1, error=null]
select lpad('ab', 5, 'xy') as p;
-- differs: TRANSLATE drops the characters that have no counterpart, as PostgreSQL and Oracle do; H2 keeps them (docs/SQL.md)
-- vsl: Outcome[columns=[T], types=[STRING], rows=[[xc]], updateCount=-1, error=null]
select translate('abc', 'ab', 'x') as t;
-- differs: LOG of zero or a negative number is NULL, as in MySQL; H2 fails with 90008 (docs/SQL.md)
-- vsl: Outcome[columns=[L], types=[FLOAT], rows=[[null]], updateCount=-1, error=null]
select log(0) as l;

select regexp_like('abc', '[') as bad;
select regexp_replace('abc', '(', 'x') as bad;
select length(s, t) from f;

-- DATEADD and DATEDIFF are TIMESTAMPADD and TIMESTAMPDIFF; a difference counts the unit boundaries crossed, as H2 does
-- (differences are INTEGER, H2's BIGINT: docs/SQL.md; the casts compare values)
select id, dateadd(day, 1, dt) as d1, dateadd('month', 1, dt) as m1, dateadd(hour, -2, ts) as h2 from f order by id;
select id, cast(datediff(day, dt, date '2024-03-01') as bigint) as dd, cast(datediff('year', dt, date '2024-01-01') as bigint) as yy from f order by id;
select id, cast(timestampdiff(month, dt, date '2024-04-01') as bigint) as mm, cast(timestampdiff(hour, ts, timestamp '2024-03-15 14:00:00') as bigint) as hh from f order by id;
select id, cast(timestampdiff(minute, ts, timestamp '2024-03-15 13:05:00') as bigint) as mi, cast(timestampdiff(second, ts, timestamp '2024-03-15 13:04:06') as bigint) as ss from f order by id;
select id, cast(timestampdiff(week, dt, date '2024-03-17') as bigint) as wk, cast(timestampdiff(quarter, dt, date '2024-04-01') as bigint) as qq from f order by id;
select id, cast(timestampdiff(day, ts, timestamp '2024-03-16 00:00:01') as bigint) as d_ts from f order by id;
select dateadd from (values (1)) as v(dateadd);

-- NOW() is LOCALTIMESTAMP and LOCATE is POSITION, as in H2
select cast(now() as date) = current_date as today, now() >= ts as after from f where id = 1;
select id, locate(t, s) as l, locate(t, s, 5) as l5, locate(t, s, -1) as back from f order by id;
select now from (values (1)) as v(now);

-- The session's schema: CURRENT_SCHEMA and H2's SCHEMA(), also in a DEFAULT (the inserting session's).
select current_schema as s, schema() as t;
create schema other_place;
set schema other_place;
select current_schema as s, schema() as t, lower(schema()) as l;
create table placed(id int primary key, s varchar(40) default current_schema, t varchar(40) default schema());
insert into placed(id) values (1);
select id, s, t from placed;
set schema public;
insert into other_place.placed(id) values (2);
select id, s, t from other_place.placed order by id;
select schema(1);

-- H2's FORMATDATETIME and PARSEDATETIME (DatetimeFunctions), date parts, CASEWHEN, UTF-8 bytes
select formatdatetime(timestamp '2024-01-02 03:04:05.678', 'yyyy-MM-dd HH:mm:ss.SSS') as f;
select formatdatetime(date '2024-01-02', 'EEEE, d MMMM yyyy', 'en') as f, formatdatetime(date '2024-01-02', 'EEEE', 'de') as g;
select formatdatetime(time '13:04:05', 'hh:mm a', 'en') as f;
select formatdatetime(timestamp '2024-01-02 03:04:05', 'yyyy-MM-dd HH:mm XXX', 'en', 'UTC') as f;
select formatdatetime(cast(null as timestamp), 'yyyy') as f, formatdatetime(timestamp '2024-01-02 03:04:05', null) as g;
select formatdatetime(parsedatetime('02.01.2024 17:30', 'dd.MM.yyyy HH:mm'), 'yyyy-MM-dd HH:mm') as f;
select cast(parsedatetime('Jan 2, 2024', 'MMM d, yyyy', 'en') as date) as d;
select formatdatetime(parsedatetime('2024-01-02 03:04', 'yyyy-MM-dd HH:mm', 'en', 'Europe/Paris'), 'yyyy-MM-dd HH:mm', 'en', 'UTC') as f;
-- differs: a text that does not match the pattern is 22007 (H2: 90014) (docs/SQL.md, "Functions beyond standard SQL")
-- vsl: Outcome[columns=[], types=[], rows=[], updateCount=-1, error=22007]
select parsedatetime('garbage', 'yyyy') as f;
-- differs: date parts are BIGINT, as EXTRACT's (H2: INTEGER) (docs/SQL.md, "Known differences")
-- vsl: Outcome[columns=[A, B, C, D, E, F], types=[BIGINT, BIGINT, BIGINT, BIGINT, BIGINT, BIGINT], rows=[[4, 2, 64, 7, 1, 2025]], updateCount=-1, error=null]
select day_of_month(date '2024-03-04') as a, day_of_week(date '2024-03-04') as b, day_of_year(date '2024-03-04') as c,
  iso_day_of_week(date '2024-03-03') as d, iso_week(date '2024-12-30') as e, iso_year(date '2024-12-30') as f;
select casewhen(1 = 2, 'a', 'b') as a, casewhen(null, 1, 2) as b, casewhen(true, 1, 1 / 0) as c;
select utf8tostring(x'c3a9') as s, stringtoutf8('é') as b, utf8tostring(null) as n;
