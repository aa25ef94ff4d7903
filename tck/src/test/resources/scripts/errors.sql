-- Errors outside transactions: each statement fails on both engines with the same SQLState.
create table t(id int primary key, name varchar(5) not null, qty smallint check (qty >= 0), code char(2) unique, born date);
create table r(id int primary key, t_id int references t(id));
insert into t values (1, 'one', 1, 'aa', date '2000-01-01');

-- syntax errors (42000, 42001)
selec * from t;
select * form t;
select id from t where;
insert into t values (2, 'x';
create table (id int);
select id, from t;
update t set where id = 1;
select * from t order by;
create table bad(id int primary key,);
insert into t (id name) values (1);
select 'unterminated from t;

-- missing objects (42S02, 42S22) and existing ones (42S01)
select * from nope;
select * from public.nope;
insert into nope values (1);
update nope set id = 1;
drop table nope;
select missing_col from t;
select t.missing_col from t;
select id from t where missing_col = 1;
select id from t order by missing_col;
select count(missing_col) as n from t;
update t set name = 'x' where missing_col = 1;
insert into t(id, name) select missing_col, 'x' from t;
create table t(id int);
create table r(x int);

-- constraint violations (23502, 23505, 23513, 23503)
insert into t values (2, null, 1, 'bb', null);
insert into t(id, qty) values (2, 1);
insert into t values (1, 'dup', 1, 'cc', null);
insert into t values (2, 'two', 1, 'aa', null);
insert into t values (2, 'two', -1, 'bb', null);
delete from t where id = 1 and 1 = 0;
insert into r values (1, 1);
delete from t where id = 1;
update t set id = 5 where id = 1;
update t set qty = -1;
update t set name = null;
insert into t select id, name, qty, code, born from t;

-- data errors (22001, 22003, 22012, 22018, 22007)
insert into t values (3, 'toolong', 1, 'cc', null);
insert into t values (3, 'x', 1, 'ccc', null);
update t set name = 'abcdef' where id = 1;
select 1 / 0 as x;
select id / 0 as x from t;
select mod(id, 0) as x from t;
select 1.5 / 0 as x;
select cast('x1' as int) as x;
select cast('1.2.3' as double) as x;
select cast('' as int) as x;
insert into t values ('abc', 'x', 1, 'dd', null);
select cast('2024-02-30' as date) as x;
select cast('2024-01-01 25:00:00' as timestamp) as x;
select cast('yesterday' as date) as x;
insert into t values (3, 'x', 1, 'dd', '2024/01/01');
select cast(2147483647 as int) + 1 as x;
select cast(9223372036854775807 as bigint) + 1 as x;
select cast(40000 as smallint) as x;
select cast(1e40 as real) as x;
select cast(1e20 as bigint) as x;
select cast(128 as tinyint) as x;
select cast(-129 as tinyint) as x;
update t set qty = qty * 1000 where id = 1;
select sum(qty / 0) as x from t;
select case when id = 1 then 1 / 0 else 0 end as x from t;
select -cast(-2147483648 as int) as x;

-- the failed statements changed nothing
select * from t order by id;
select * from r order by id;
