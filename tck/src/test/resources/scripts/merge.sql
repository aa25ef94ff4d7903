-- MERGE: the standard statement and H2's MERGE INTO t [(columns)] [KEY (columns)] {VALUES | query} (README, "SQL today").
create table t(id int primary key, name varchar(20), grp int);
create table k(a int, b int, v varchar(10));
insert into t values (1, 'a', 1), (2, 'b', 1);
insert into k values (1, 1, 'x');

-- a source query that computes its columns: each row is inserted with its values, computed once
merge into t x using (select id + 10 as id, upper(name) as name from t where id < 3) s on x.id = s.id when matched then update set name = s.name when not matched then insert (id, name) values (s.id, s.name);
select * from t order by id;
-- only WHEN NOT MATCHED: a matched row is left as it is
merge into k x using (values (1, 1), (3, 3)) s(a, b) on x.a = s.a and x.b = s.b when not matched then insert (a, b) values (s.a, s.b);
merge into k x using (values (1, 1)) s(a, b) on x.a = s.a when not matched then insert (a, b) values (s.a, s.b);
select * from k order by a, b;
-- only WHEN MATCHED
merge into t using (values (2, 'two'), (99, 'none')) s(id, name) on t.id = s.id when matched then update set name = s.name;
select * from t order by id;

-- H2's form: by the primary key or KEY (columns); the columns default to all of the table's
merge into t key (id) values (2, 'B', 5), (3, 'c', 2);
merge into t values (1, 'A', 9);
merge into t (id, name) values (4, 'd');
merge into t (id, name) key (id) select id + 100, name from t where id < 3;
merge into k key (a, b) values (1, 1, 'y'), (1, 2, 'z');
merge into k (a, b) key (a, b) values (1, 1), (5, 5);
select * from t order by id;
select * from k order by a, b;
merge into t key (id) values (1, 'x');
merge into nosuch values (1);
-- differs: a table without a primary key needs KEY (columns); H2 reports the missing index as 42S12
-- vsl: Outcome[columns=[], types=[], rows=[], updateCount=-1, error=42000]
merge into k values (6, 6, 'w');
-- differs: a key column must be among the columns given (42S22); H2 fails later, on the NULL key, with 90081
-- vsl: Outcome[columns=[], types=[], rows=[], updateCount=-1, error=42S22]
merge into t (name) key (id) values ('q');
select count(*) from t;
