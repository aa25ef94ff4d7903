-- Tables, inserts, updates, deletes and queries that vsl and H2 must answer alike.
create table emp(id int primary key, name varchar(20) not null, dept int, salary decimal(10,2), hired date);
create table dept(id int primary key, title varchar(20));

insert into dept values (1, 'Sales'), (2, 'Engineering'), (3, 'Empty');
insert into emp values (1, 'Ann', 1, 5000.00, date '2020-01-15');
insert into emp values (2, 'Bob', 2, 6000.50, date '2019-03-01'), (3, 'Cid', 2, 7000.25, date '2021-07-30');
insert into emp values (4, 'Dee', null, null, null);

select id, name from emp order by id;
select name, salary from emp where salary > 5500 order by name;
select count(*) as n from emp;
select count(salary) as n, sum(salary) as total, min(salary) as lo, max(salary) as hi from emp;
select dept, count(*) as n from emp group by dept order by dept;
select d.title, e.name from emp e join dept d on e.dept = d.id order by d.title, e.name;
select d.title, count(e.id) as n from dept d left join emp e on e.dept = d.id group by d.title order by d.title;
select name from emp where dept is null;
select name from emp where name like 'B%' or name in ('Cid');
select id from emp where hired between date '2019-01-01' and date '2020-12-31' order by id;
select name from emp order by salary desc nulls last, name;
select dept from emp where dept is not null group by dept having count(*) > 1;
select id + 1 as nxt, id * 2 as dbl from emp where id < 3 order by id;

update emp set salary = salary + 100 where dept = 2;
select id, salary from emp where dept = 2 order by id;
delete from emp where id = 4;
select count(*) as n from emp;

-- errors both engines report
insert into emp values (1, 'Dup', 1, 1, null);
select nope from emp;
select * from missing_table;
insert into emp values (9, null, 1, 1, null);

drop table emp;
select * from emp;
