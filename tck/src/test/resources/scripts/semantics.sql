-- The H2-vs-Calcite-default items of CALCITE.md section 6 (and docs/SQL.md): vsl must answer as H2 does.
create table ints(id int primary key, t tinyint, s smallint, i int, b bigint);
insert into ints values (1, 127, 32767, 2147483647, 1), (2, 127, 32767, 1, 2), (3, null, null, null, null);

-- SUM of TINYINT/SMALLINT/INTEGER is BIGINT and does not wrap
select sum(t) as st, sum(s) as ss, sum(i) as si from ints;
select sum(i) + 1 as si1 from ints;
select sum(i) as si from ints where id = 1;
select sum(i) as si from ints where id = 3;
select id, sum(i) over (order by id) as run_sum from ints order by id;
select sum(b) as sb from ints;
select sum(cast(9223372036854775807 as bigint)) as big from ints;
select id, sum(b) over (order by id) as run_b from ints order by id;
select sum(distinct b) as sdb, cast(avg(b) as double) as ab from ints;
select sum(cast(d as decimal(10,2))) as sd from (values (1.25), (2.50)) v(d);

-- AVG of an integer type is DOUBLE
select avg(t) as avg_t, avg(s) as avg_s, avg(i) as avg_i from ints;
select avg(i) as avg_i from ints where id = 1;
select avg(x) as a from (values (1), (2)) as v(x);
select avg(x) as a from (values (1), (2), (2)) as v(x);
select avg(cast(x as smallint)) as a from (values (1), (4)) as v(x);

-- integer overflow in + - * raises 22003 instead of wrapping
select i + 1 as x from ints where id = 1;
select i * 2 as x from ints where id = 1;
select -i - 2 as x from ints where id = 1;
select cast(t as tinyint) + cast(1 as tinyint) as x from ints where id = 1;
select s * s as x from ints where id = 1;
select b * 9223372036854775807 as x from ints where id = 2;
select 2147483647 + 1 as x;
select -2147483647 - 2 as x;
select 65536 * 65536 as x;
select 2147483647 + cast(1 as bigint) as x;
select i + 1 as x from ints where id = 2;
update ints set i = i + 1 where id = 1;
select i from ints where id = 1;

-- CASE and UNION over strings of different lengths are VARCHAR: no blank padding
select case when id = 1 then 'a' else 'abc' end || '|' as x from ints order by id;
select id from ints where case when id = 1 then 'a' else 'abc' end = 'a';
select x || '|' as y from (select 'a' as x from ints where id = 1 union all select 'abc' from ints where id = 1) t order by y;
select coalesce(cast(null as varchar(5)), 'ab') || '|' as x;
select case id when 1 then 'one' when 2 then 'two' else 'many' end || '|' as x from ints order by id;

-- DECIMAL: precision up to 38, rounding half-up
select cast(1.5 as decimal) as a, cast(2.5 as decimal) as b, cast(-1.5 as decimal) as c;
select cast(1.25 as decimal(3,1)) as a, cast(-1.25 as decimal(3,1)) as b, cast(1.24 as decimal(3,1)) as c;
select cast(12345678901234567890123456789012345678 as decimal(38,0)) as big;
select cast(0.5 as integer) as a, cast(1.5 as integer) as b, cast(-0.5 as integer) as c;
create table decs(id int primary key, d decimal(6,2));
insert into decs values (1, 1.005), (2, 2.004), (3, -1.005);
select id, d from decs order by id;
select sum(d) as s, max(d) as m from decs;

-- decimal division: integer division truncates; exact quotients keep their digits
select cast(1 as decimal(5,0)) / cast(8 as decimal(5,0)) as q;
select 7 / 2 as q, -7 / 2 as r;
select 7.5 / 2.5 as q, 10.0 / 4 as r;

-- NULLs sort first ascending and last descending
select id, i from ints order by i, id;
select id, i from ints order by i desc, id;
select id, t from ints order by t nulls last, id;
select id, t from ints order by t desc nulls first, id;

-- TIMESTAMP keeps milliseconds
select cast('2024-01-02 03:04:05.123' as timestamp) as ts;
select timestamp '2024-01-02 03:04:05.5' as ts;
-- differs: TIMESTAMP keeps milliseconds; H2 keeps microseconds (docs/SQL.md, "Known differences")
-- vsl: Outcome[columns=[TS], types=[TIMESTAMP], rows=[[2024-01-02 03:04:05.123]], updateCount=-1, error=null]
select cast('2024-01-02 03:04:05.123456' as timestamp) as ts;

-- column labels of unaliased expressions
select id, i from ints where id = 2;
select count(*) from ints;
select max(i), min(i) + 1, count(distinct i) from ints;
select -id, cast(i as bigint), coalesce(i, 0), abs(i), 'lit', 7, id between 1 and 3, id is null from ints where id = 2;
select id + 1 from ints where id = 1 union all select id from ints where id = 2;
select "COUNT(*)" from (select count(*) from ints) x;
