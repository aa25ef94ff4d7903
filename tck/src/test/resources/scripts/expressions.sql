-- CASE, COALESCE, NULLIF, boolean logic and NULL semantics (three-valued logic, IN/NOT IN with NULL, IS [NOT] DISTINCT FROM).
create table p(id int primary key, s varchar(20), n int, d decimal(8,3), f double, dt date, ts timestamp);
insert into p values (1, 'Hello World', 7, 2.345, 2.5, date '2024-03-15', timestamp '2024-03-15 10:20:30');
insert into p values (2, '  padded  ', -3, -1.005, -0.5, date '2023-12-31', timestamp '2023-12-31 23:59:59');
insert into p values (3, null, null, null, null, null, null);
insert into p values (4, 'abc', 0, 0, 0, date '2000-02-29', timestamp '2000-02-29 00:00:00');

select id, case when n > 0 then 'pos' when n < 0 then 'neg' else 'zero or null' end as sign_text from p order by id;
select id, case n when 7 then 'seven' when 0 then 'zero' end as word from p order by id;
select id, case when n is null then -1 else n * 2 end as x from p order by id;
select id, case when id < 3 then d else n end as mixed from p order by id;
select id, coalesce(s, 'none') as s, coalesce(n, d, 99) as n from p order by id;
select id, nullif(n, 0) as nz, nullif(s, 'abc') as ns from p order by id;
select id, coalesce(nullif(n, 7), 70) as x from p order by id;

select null = null as a, null <> 1 as b, null is null as c, 1 is not null as d from p where id = 1;
select count(*) as n from p where n = null;
select count(*) as n from p where n is null;
select count(*) as n from p where not (n > 0);
select count(*) as n from p where n > 0 or n is null;
select id, n is distinct from 7 as dist, n is not distinct from null as same from p order by id;
select id, (n > 0) and (s is null) as a, (n > 0) or (s is null) as o from p order by id;
select true and null as a, false and null as b, true or null as c, false or null as d, not cast(null as boolean) as e from p where id = 1;
select sum(n) as s, avg(d) as a, max(s) as m, count(n) as c from p where id = 3;
select n + null as x, s || cast(null as varchar(5)) as y from p where id = 1;
select id from p where n in (7, null);
select id from p where n not in (7, null);
select id from p where s = null or s <> null;
select coalesce(null, null, 3) as c from p where id = 1;
select case when null then 'yes' else 'no' end as c from p where id = 1;
select id, case when s is null then 'missing' when char_length(s) > 5 then 'long' else 'short' end as size_class from p order by id;
select id, case when n > 0 then n when n < 0 then -n end as magnitude from p order by id;
select id, case when dt is null then ts else cast(dt as timestamp) end as moment from p order by id;
select id from p where case when n is null then false else n >= 0 end order by id;
select id, coalesce(s, cast(n as varchar(10)), 'nothing') as anything from p order by id;
select id, not (n > 0) as not_pos, n > 0 is unknown as unknown_pos from p order by id;
select count(*) as n from p where (n > 0) is not false;
select id, nullif(coalesce(n, 0), 0) is null as zero_or_null from p order by id;

-- Unary plus is no operation for every type (also in the column label).
create table uplus(b int, s varchar(5), d decimal(5,2));
insert into uplus values (1, 'x', 2.50), (null, null, null);
select + b, +s, + d, -b as m from uplus order by b;
select +'abc' as t, + 5 as f, +(b + 1) as g from uplus order by b;
select b from uplus where +b = 1;

-- Hexadecimal integer literals, as H2 reads them.
select 0x1F as a, 0XfF + 1 as b, -0x10 as c, 0x7FFFFFFF as d;
select 0x7FFFFFFFFFFFFFFF as e;
