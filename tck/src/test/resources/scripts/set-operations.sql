-- Set operations (UNION [ALL], INTERSECT, EXCEPT) and VALUES as a table.
create table a(id int primary key, v varchar(5), n int);
create table b(id int primary key, v varchar(5), n int);
insert into a values (1, 'x', 10), (2, 'y', 20), (3, 'z', null), (4, 'x', 10);
insert into b values (1, 'x', 10), (5, 'w', 50), (6, null, null);

select v, n from a union select v, n from b;
select v, n from a union all select v, n from b;
select v from a union select v from b order by v;
select v from a union all select v from b order by v desc;
select v, n from a intersect select v, n from b;
select v, n from a except select v, n from b;
select v from b except select v from a;
select id from a union select n from b order by id;
select n from a where n is not null union all select n from b where n is not null order by n;
select v from a union select v from b union select 'q' from a order by v;
select id, v from a where id < 3 union all select id, v from b where id > 4 order by id;
select count(*) as c from (select v from a union select v from b) t;
select id from a union select id from b except select id from a where id > 2 order by id;
select n * 1.5 as x from a where id = 1 union select n from b where id = 5 order by x;
select v from a where id = 1 union all select cast(null as varchar(5)) from b where id = 1 order by v;

select * from (values (1, 'a'), (2, 'b'), (3, null)) as t(k, s) order by k;
select k from (values (3), (1), (2)) as t(k) order by k desc;
select count(*) as n, sum(k) as s from (values (1), (2), (null)) as t(k);
select v from a intersect select v from b order by v;
select n from a except select n from b order by n;
select v, n from b except select v, n from a order by v;
select id from a where id > 1 intersect select id from b union select 99 from b where id = 1 order by id;
select t.v, count(*) as c from (select v from a union all select v from b) t group by t.v order by t.v;
select v from a where v in (select v from b intersect select v from a);
select k, s from (values (1, 'x'), (2, 'y')) as t(k, s) where k in (select id from a) order by k;
select id, v from a except select id, v from a;
