-- Window functions: ROW_NUMBER, RANK, DENSE_RANK, NTILE, LAG/LEAD, FIRST/LAST_VALUE, aggregates OVER with partitions and frames.
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

select id, rep, amount, row_number() over (order by id) as rn from sale order by id;
select id, region, amount, row_number() over (partition by region order by amount desc, id) as rn from sale order by id;
select id, amount, rank() over (order by amount desc) as rk, dense_rank() over (order by amount desc) as drk from sale where amount is not null order by id;
select id, region, sum(amount) over (partition by region) as region_total from sale order by id;
select id, amount, sum(amount) over (order by id) as run_total from sale order by id;
select id, amount, sum(amount) over (order by id rows between 1 preceding and 1 following) as moving from sale order by id;
select id, region, count(*) over (partition by region) as n from sale order by id;
select id, amount, max(amount) over (partition by region order by id) as running_max from sale order by id;
select id, amount, min(amount) over () as lowest from sale order by id;
select id, amount, lag(amount) over (order by id) as prev_amt, lead(amount) over (order by id) as next_amt from sale order by id;
select id, first_value(rep) over (partition by region order by id) as first_rep from sale order by id;
select id, last_value(rep) over (partition by region order by id rows between unbounded preceding and unbounded following) as last_rep from sale order by id;
select id, ntile(3) over (order by id) as bucket from sale order by id;
select region, rn, rep from (select region, rep, row_number() over (partition by region order by amount desc, id) as rn from sale) t where rn = 1 order by region;
select rep, sum(amount) as total, rank() over (order by sum(amount) desc) as rk from sale group by rep order by rep;
select id, lag(amount, 2) over (order by id) as back2, lead(amount, 2) over (order by id) as ahead2 from sale where amount is not null order by id;
select id, region, dense_rank() over (partition by region order by amount desc) as drk from sale where amount is not null order by id;
select id, count(amount) over (order by id rows between unbounded preceding and current row) as seen from sale order by id;
select id, sum(qty) over (partition by rep order by id) as rep_qty from sale order by id;
select region, id, amount - max(amount) over (partition by region) as below_top from sale where region is not null and amount is not null order by region, id;
