-- Aggregates: COUNT/SUM/MIN/MAX/EVERY/SOME/STDDEV, DISTINCT, GROUP BY, HAVING, empty groups.
create table sale(id int primary key, region varchar(10), rep varchar(10), amount int, price decimal(8,2), qty smallint, sold_on date);
insert into sale values
  (1, 'north', 'ann', 100, 10.50, 1, date '2024-01-01'),
  (2, 'north', 'ann', 250, 20.00, 2, date '2024-01-02'),
  (3, 'north', 'bob', 50, 5.25, 3, date '2024-01-02'),
  (4, 'south', 'cid', 300, 30.00, 1, date '2024-01-03'),
  (5, 'south', 'cid', null, null, null, date '2024-01-04'),
  (6, 'south', 'dee', 300, 15.75, 4, date '2024-01-05'),
  (7, 'east', 'eve', 75, 7.50, 2, null),
  (8, null, 'fay', 20, 1.00, 1, date '2024-01-06');

select count(*) as n, count(amount) as na, count(distinct region) as nr, count(distinct rep) as np from sale;
select sum(amount) as s, min(amount) as lo, max(amount) as hi from sale;
select sum(price) as s, min(price) as lo, max(price) as hi from sale;
select sum(qty) as s, min(qty) as lo, max(qty) as hi from sale;
select min(rep) as lo, max(rep) as hi, min(sold_on) as first_day, max(sold_on) as last_day from sale;
select sum(distinct amount) as s, count(distinct amount) as n from sale;
select region, count(*) as n, sum(amount) as total from sale group by region order by region;
select region, rep, sum(amount) as total from sale group by region, rep order by region, rep;
select region, max(amount) - min(amount) as spread from sale where region is not null group by region order by region;
select region from sale group by region having count(*) > 1 order by region;
select region, sum(amount) as total from sale group by region having sum(amount) > 100 order by total desc;
select rep, count(*) as n from sale group by rep having max(amount) >= 250 order by rep;
select count(*) as n from sale where amount > 1000;
select sum(amount) as s, max(rep) as m from sale where amount > 1000;
select region, count(*) as n from sale where amount > 1000 group by region;
select distinct region from sale order by region;
select distinct region, rep from sale where region = 'north' order by rep;
select count(*) as n from (select distinct rep from sale) t;
select region, sum(case when amount >= 100 then 1 else 0 end) as big from sale group by region order by region;
select region, sum(amount * qty) as weighted from sale group by region order by region;
select region, count(*) as n from sale group by region order by n desc, region;
select bool_and_test.ok from (select count(*) = 8 as ok from sale) bool_and_test;
select rep, every(amount > 60) as all_big, some(amount > 200) as any_big from sale group by rep order by rep;
select region, rep, amount from sale where amount = (select max(amount) from sale) order by id;
select stddev_pop(amount) as sp, var_pop(amount) as vp from sale where rep = 'ann';
select rep from sale group by rep having count(*) = 2 and min(amount) > 50 order by rep;
select rep, count(*) as n from sale group by nope;
select region, count(*) as n from sale group by region having region is not null order by region;
select count(*) as n from sale group by region having count(*) > 5;
select rep, min(sold_on) as first_sale from sale group by rep having min(sold_on) >= date '2024-01-03' order by rep;
select sum(amount) / count(amount) as mean from sale;
select region, count(distinct rep) as reps from sale group by region order by region;
select max(price * qty) as best, min(price * qty) as worst from sale;
select count(*) as n, count(region) as nr from sale where rep > 'c';
select g, count(*) as n from (select case when amount >= 100 then 'big' else 'small' end as g from sale where amount is not null) t group by g order by g;

-- COALESCE over a SUM of a nullable column, per group
create table agg_cz(g int, n int);
insert into agg_cz values (1, 1), (1, null), (2, null);
select g, coalesce(sum(n), 0) as s from agg_cz group by g order by g;
