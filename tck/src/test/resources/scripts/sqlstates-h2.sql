-- SQLStates vsl takes from H2 where Calcite's own messages would say less.
create table s1(id int primary key, v int, w varchar(5));
create table s2(id int primary key, v int);
insert into s1 values (1, 10, 'a'), (2, 20, 'b'), (3, null, 'c');
insert into s2 values (1, 5), (2, 6);

-- unknown target column (42S22)
insert into s1 (id, nope) values (9, 1);
update s1 set nope = 1;
-- column count mismatch (21S02)
insert into s1 (id, v) values (9, 1, 2);
insert into s1 values (9, 1);
-- ambiguous column (90059)
select v from s1, s2;
-- column not grouped (90016): H2 decides at run time, when a group holds different values
insert into s2 values (3, 5);
select id, count(*) from s2 group by v;
-- ORDER BY ordinal out of range (90068)
select id from s1 order by 3;
-- scalar subquery with more than one row (90053)
select id from s1 where id = (select id from s2);
-- invalid datetime literal (22007)
select date '2023-02-29' from s1;
select timestamp '2024-13-01 00:00:00' from s1;
-- a second primary key (90017)
alter table s1 add primary key (v);
-- view exists (90038) and not found (90037)
create view sv as select id, v from s1;
create view sv as select id from s1;
drop view nope_view;
-- a table a view uses cannot be dropped (90107)
drop table s1;
drop view sv;
-- SET NOT NULL with NULLs present (90081)
alter table s1 alter column v set not null;
update s1 set v = 0 where v is null;
alter table s1 alter column v set not null;
insert into s1 values (9, null, 'x');
select id, v from s1 order by id;
