-- Column types of the walking skeleton and their round trip.
create table t(i integer primary key, b bigint, d double, m decimal(12,3), f boolean, s varchar(30), dt date, ts timestamp);
insert into t values (1, 9000000000, 1.5, 123.456, true, 'hello', date '2024-02-29', timestamp '2024-02-29 13:14:15');
insert into t values (2, -1, -0.25, -0.001, false, '', date '1970-01-01', timestamp '1999-12-31 23:59:59');
insert into t values (3, null, null, null, null, null, null, null);
select * from t order by i;
select i from t where f order by i;
select i from t where s = '' order by i;
select i from t where ts > timestamp '2000-01-01 00:00:00' order by i;
select i, m * 2 as m2 from t where m is not null order by i;
select sum(i) as si, sum(m) as sm from t;
