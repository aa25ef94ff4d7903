-- Syntax H2 accepts beyond Calcite's default conformance (docs/SQL.md, "Choices made"): !=, %, MINUS, LIMIT offset, count,
-- FROM DUAL, niladic functions with parentheses, select aliases in GROUP BY and HAVING, STRING_AGG and GROUP_CONCAT.
create table t(id int primary key, name varchar(20), grp int, active boolean);
insert into t values (1, 'a', 1, true), (2, 'b', 1, false), (3, 'c', 2, true), (4, 'd', null, null);

select id from t where id != 2 order by id;
select id, id % 3 as m, -7 % 3 as neg from t order by id;
select id from t minus select id from t where id > 2;
select id from t order by id limit 1, 2;
select 1 as x from dual;
select count(*) as n from dual;
select current_date from dual where 1 = 1;
select current_timestamp() is not null as has_time, current_date() = current_date as same_day;
select grp as g, count(*) as c from t group by g order by g;
select grp as g, count(*) as c from t group by grp having c > 1;
select id as grp from t group by id, grp having grp > 1 order by 1;
select string_agg(name, ',' order by id) as names from t;
select grp, string_agg(name, '-' order by name desc) as names from t group by grp order by grp;
select group_concat(name order by id desc separator ';') as names from t;
select group_concat(distinct grp) as grps from t where grp = 1;
select string_agg(name, ',') as none_found from t where id > 10;

create table dual(x int);
insert into dual values (7), (8);
select x from dual order by x;
drop table dual;
select 2 as two from dual;

-- SET SCHEMA: the session's default schema
create schema other;
create table other.x(id int primary key);
insert into other.x values (42);
set schema other;
select id from x;
set schema 'PUBLIC';
select count(*) from t;
set schema nosuch;
select count(*) from t;

-- SHOW TABLES and SHOW SCHEMAS, as H2 answers them
show tables;
show schemas;
show tables from other;
-- SHOW COLUMNS: FIELD, TYPE, NULL, KEY (PRI, UNI or empty), DEFAULT (its text or NULL)
create table shown(id int primary key, amount decimal(10, 2) default 0, code int unique, made timestamp(3) not null, tag bigint);
show columns from shown;
show columns from public.shown;
show columns from shown from public;
show columns from nothing_here;
