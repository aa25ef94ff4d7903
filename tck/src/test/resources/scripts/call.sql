-- H2's CALL expression: one row, one column, as SELECT expression (README, "SQL today").
create table t(id int primary key, v varchar(10));
insert into t values (1, 'a'), (2, 'b');
-- differs: the column's label is the expression as SELECT labels it; H2's is the value folded (values equal)
-- vsl: Outcome[columns=[1 + 1], types=[INTEGER], rows=[[2]], updateCount=-1, error=null]
call 1 + 1;
-- differs: the column's label is the expression as SELECT labels it; H2's is the value folded (values equal)
-- vsl: Outcome[columns=[ABS(-7)], types=[INTEGER], rows=[[7]], updateCount=-1, error=null]
call abs(-7);
-- differs: the column's label is the expression as SELECT labels it; H2's is the value folded (values equal)
-- vsl: Outcome[columns=[UPPER('x') || 'y'], types=[STRING], rows=[[Xy]], updateCount=-1, error=null]
call upper('x') || 'y';
-- differs: the column's label is the expression as SELECT labels it; H2's is the value folded (values equal)
-- vsl: Outcome[columns=[(SELECT COUNT(*) FROM T)], types=[BIGINT], rows=[[2]], updateCount=-1, error=null]
call (select count(*) from t);
-- differs: the column's label is the expression as SELECT labels it; H2's is the value folded (values equal)
-- vsl: Outcome[columns=[(SELECT MAX(V) FROM T WHERE ID < 3)], types=[STRING], rows=[[b]], updateCount=-1, error=null]
call (select max(v) from t where id < 3);
call cast(null as int);
-- differs: the column's label is the expression as SELECT labels it; H2's is the value folded (values equal)
-- vsl: Outcome[columns=[COALESCE(NULL, 3)], types=[INTEGER], rows=[[3]], updateCount=-1, error=null]
call coalesce(null, 3);
call nosuch(1);
select nosuch_either(1, 'x') from t;
select * from t;
