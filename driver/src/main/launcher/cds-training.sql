-- The training run of the shell whose loaded classes make the class data sharing archive
-- (vsl-<version>.jsa, see driver/pom.xml and the launcher, vsl): a session of common statements
-- on an in-memory database. Every statement must succeed, or the build fails.
select 1;
create table customer(id int primary key, name varchar(40) not null, city varchar(30), created date);
create table orders(id bigint primary key, customer_id int references customer(id), amount decimal(12, 2), placed timestamp, note varchar(100));
create index orders_placed on orders(placed);
create view big_orders as select * from orders where amount > 100;
insert into customer values (1, 'Ada', 'London', date '2024-01-02'), (2, 'Grace', 'New York', date '2024-02-03'), (3, 'Edsger', 'Austin', null);
insert into orders values (1, 1, 12.50, timestamp '2024-03-01 10:00:00', 'first'), (2, 1, 250.00, timestamp '2024-03-02 11:30:00', null), (3, 2, 99.99, current_timestamp, 'rush');
update orders set amount = amount * 2 where customer_id = 2;
delete from orders where id = 3;
select * from customer where id = 1;
select name, city from customer where id between 1 and 2 order by name;
select c.name, count(*), sum(o.amount), avg(o.amount), max(o.placed) from customer c join orders o on o.customer_id = c.id group by c.name having count(*) > 0 order by 2 desc;
select c.name, o.id from customer c left join orders o on o.customer_id = c.id where c.city like 'L%' or o.note is null;
select upper(name), substring(name from 1 for 2), trim(city), coalesce(city, '-'), cast(id as varchar(10)) || '!' from customer order by id fetch first 2 rows only;
select extract(year from created), created + interval '1' day, case when created is null then 'none' else 'some' end from customer;
select * from big_orders;
select name from customer where id in (select customer_id from orders where amount > 10) union select 'x' from customer where exists (select 1 from orders);
select row_number() over (order by amount), amount from orders;
select table_name from information_schema.tables where table_schema = 'PUBLIC';
explain plan for select * from orders where id = 1;
!tables
!columns customer
commit;
drop view big_orders;
drop table orders;
drop table customer;
