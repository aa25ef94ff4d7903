-- Subqueries: scalar, IN/NOT IN (with NULLs), EXISTS, correlated, ANY/ALL, row-value IN, derived tables, WITH.
create table dept(id int primary key, name varchar(20), region varchar(10));
create table emp(id int primary key, name varchar(20) not null, dept_id int, boss_id int, salary int);
create table proj(id int primary key, emp_id int, title varchar(20));
insert into dept values (1, 'Sales', 'east'), (2, 'Eng', 'west'), (3, 'Ops', 'east'), (4, 'Legal', null);
insert into emp values (1, 'Ann', 1, null, 900), (2, 'Bob', 1, 1, 500), (3, 'Cid', 2, 1, 700), (4, 'Dee', 2, 3, 650), (5, 'Eve', null, 1, 300), (6, 'Fay', 3, 3, 500);
insert into proj values (10, 3, 'Compiler'), (11, 3, 'Linker'), (12, 4, 'Compiler'), (13, null, 'Unowned'), (14, 2, 'Deal');

select name from emp where salary = (select max(salary) from emp);
select name, salary - (select min(salary) from emp) as above_min from emp order by name;
select name from emp where salary > (select avg(salary) from emp) order by name;
select name, (select name from dept d where d.id = e.dept_id) as dept from emp e order by name;
select name, (select count(*) from proj p where p.emp_id = e.id) as projects from emp e order by name;
select name from emp where dept_id in (select id from dept where region = 'east') order by name;
select name from emp where dept_id not in (select id from dept where region = 'east') order by name;
select name from emp where dept_id not in (select id from dept where region is null or region = 'west') order by name;
select name from dept where id not in (select dept_id from emp) order by name;
select name from dept where id not in (select dept_id from emp where dept_id is not null) order by name;
select name from emp e where exists (select 1 from proj p where p.emp_id = e.id) order by name;
select name from emp e where not exists (select 1 from proj p where p.emp_id = e.id) order by name;
select name from emp e where salary > (select avg(salary) from emp x where x.dept_id = e.dept_id) order by name;
select d.name from dept d where (select count(*) from emp e where e.dept_id = d.id) >= 2 order by d.name;
select name from emp where salary >= all (select salary from emp where dept_id = 2) order by name;
select name from emp where salary > any (select salary from emp where dept_id = 1) order by name;
select name from emp where (dept_id, salary) in (select dept_id, max(salary) from emp group by dept_id) order by name;
select x.dept_id, x.top from (select dept_id, max(salary) as top from emp group by dept_id) x where x.top > 600 order by x.dept_id;
select t.n from (select count(*) as n from emp) t;
select name from emp where id in (select boss_id from emp) order by name;
select name from emp where id not in (select boss_id from emp where boss_id is not null) order by name;
select (select max(id) from proj) as maxp, (select min(id) from emp) as mine;
select name from emp where dept_id = (select id from dept where name = 'Nobody');
select name from emp where exists (select 1 from dept where 1 = 0);
select count(*) as n from emp where salary in (500, 700, null);
select count(*) as n from emp where salary not in (500, 700, null);
select d.name, (select max(e.salary) from emp e where e.dept_id = d.id) as top from dept d order by d.name;
with rich as (select * from emp where salary > 600) select name from rich order by name;
with a as (select dept_id, count(*) as c from emp group by dept_id), b as (select * from a where c > 1) select dept_id, c from b order by dept_id;
select name from emp e where salary = (select max(salary) from emp x where x.dept_id = e.dept_id) order by name;
select name from emp e where exists (select 1 from emp x where x.boss_id = e.id and x.salary > 600) order by name;
select d.name, (select count(*) from proj p join emp e on e.id = p.emp_id where e.dept_id = d.id) as projects from dept d order by d.name;
select name from emp where salary > (select salary from emp where name = 'Bob') order by name;
select name from emp where boss_id = (select id from emp where boss_id is null) order by name;
select name from emp where (select count(*) from proj where proj.emp_id = emp.id) = 0 order by name;
select t.dept_id, t.n from (select dept_id, count(*) as n from emp where dept_id is not null group by dept_id) t join dept d on d.id = t.dept_id where d.region = 'west';

-- IN (sub-query) under OR, where the sub-query or a condition ANDed with it is never true: the OR's
-- other branch still decides (a grand-total aggregate from sub-query removal must not become a semi-join).
select name from emp where salary >= 600 or dept_id in (select id from dept where 1 = 0) order by name;
select name from emp where salary >= 600 or (salary between 7 and 2 and dept_id in (select id from dept)) order by name;
select name from emp where salary >= 600 or dept_id not in (select id from dept where 1 = 0) order by name;
select name from emp where salary < 0 or exists (select 1 from dept where 1 = 0) order by name;
select name from emp where salary >= 800 or dept_id in (select id from dept where region = 'nowhere') or id = 5 order by name;
select count(*) as n from emp where dept_id in (select id from dept where 1 = 0) or boss_id in (select id from emp where 1 = 0);
select name from emp e where salary >= 900 or (select count(*) from proj p where p.emp_id = e.id and 1 = 0) = 0 order by name;
