-- ORDER BY (columns, ordinals, aliases, expressions, NULLS FIRST/LAST), LIMIT, OFFSET and FETCH.
create table a(id int primary key, v varchar(5), n int);
create table b(id int primary key, v varchar(5), n int);
insert into a values (1, 'x', 10), (2, 'y', 20), (3, 'z', null), (4, 'x', 10);
insert into b values (1, 'x', 10), (5, 'w', 50), (6, null, null);

select id, n from a order by n, id;
select id, n from a order by n desc, id;
select id, n from a order by n nulls last, id;
select id, n from a order by n desc nulls first, id;
select id, v from b order by v, id;
select id, v from b order by v desc, id;
select id, v from a order by v desc, id desc;
select id, n from a order by 2, 1;
select id, n * 2 as twice from a order by twice desc nulls last, id;
select v from a order by id desc;
select id from a order by n + id, id;
select id from a order by case when v = 'x' then 0 else 1 end, id;

select id from a order by id limit 2;
select id from a order by id limit 2 offset 1;
select id from a order by id offset 2 rows;
select id from a order by id offset 1 rows fetch next 2 rows only;
select id from a order by id fetch first 3 rows only;
select id from a order by id fetch first 1 row only;
select id from a order by id limit 0;
select id from a order by id limit 10 offset 10;
select id from a order by id desc limit 1;
select v, count(*) as c from a group by v order by c desc, v limit 1;
select id from (select id from a order by id desc limit 2) t order by id;
select id from a where id in (select id from b order by id limit 1) order by id;
select id, v from a order by upper(v) desc, id;
select id, n from a order by coalesce(n, 15), id;
select n, count(*) as c from a group by n order by n desc nulls first;
select id from a order by id offset 0 rows;
select id from b order by v nulls first fetch first 2 rows only;
select id from a order by n desc, id desc limit 3;
select v, n from a where n is not null order by n, v desc offset 1 rows fetch next 1 rows only;
select id, v from a order by v, id limit 3;
