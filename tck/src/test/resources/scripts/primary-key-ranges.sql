-- Ranges and ORDER BY on primary keys of several types (vsl reads them through the key's sorted
-- index): bounds at gaps and ends, empty ranges, casts, after changes.
create table pk_int(id int primary key, v varchar(5));
insert into pk_int values (-5, 'a'), (-1, 'b'), (0, 'c'), (2, 'd'), (3, 'e'), (5, 'f'), (8, 'g'), (13, 'h'), (2147483647, 'max'), (-2147483648, 'min');
select id from pk_int where id between 0 and 5 order by id;
select id from pk_int where id between 1 and 4 order by id;
select id from pk_int where id between 5 and 0 order by id;
select id from pk_int where id between symmetric 5 and 0 order by id;
select id from pk_int where id not between 0 and 5 order by id;
select id from pk_int where id >= 3 and id < 8 order by id;
select id from pk_int where id > 3 and id <= 8 order by id;
select id from pk_int where id > 13 order by id;
select id from pk_int where id < -1 order by id;
select id from pk_int where id > 2.5 and id < 7.5 order by id;
select id from pk_int where id >= -2.5 and id <= 2.5 order by id;
select id from pk_int where id > 3000000000 order by id;
select id from pk_int where id < 3000000000 and id > -3000000000 order by id;
select id from pk_int where id in (0, 3, 4, 13) order by id;
select id from pk_int where id between 0 and 5 or id between 10 and 20 order by id;
select id from pk_int where id between 0 and 5 and v > 'c' order by id;
select id from pk_int where id between 4 and 4 order by id;
select id from pk_int where id between 3 and 3 order by id;
select id from pk_int where id between cast('1' as int) and cast('6' as int) order by id;
select count(*) as n, min(id) as lo, max(id) as hi from pk_int where id between -3 and 10;
select id, v from pk_int order by id;
select id from pk_int order by id limit 3;
select id from pk_int order by id limit 2 offset 3;
select id from pk_int order by id desc limit 2;
select id from pk_int where id > 0 order by id fetch first 2 rows only;
update pk_int set id = 4 where id = 5;
delete from pk_int where id = 2;
insert into pk_int values (1, 'new');
select id, v from pk_int where id between 0 and 5 order by id;
select id from pk_int order by id limit 4;

create table pk_big(id bigint primary key, n int);
insert into pk_big values (-9223372036854775808, 1), (-1, 2), (0, 3), (4294967296, 4), (9223372036854775807, 5);
select id from pk_big where id between -1 and 4294967296 order by id;
select id from pk_big where id > 4294967295 order by id;
select id from pk_big where id < 0 order by id;
select id from pk_big order by id;

create table pk_dec(id decimal(6,2) primary key, n int);
insert into pk_dec values (1.00, 1), (1.25, 2), (1.50, 3), (2.00, 4), (-0.75, 5);
select id from pk_dec where id between 1.25 and 2 order by id;
select id from pk_dec where id > 1.249 and id < 1.51 order by id;
select id from pk_dec where id >= 1.255 order by id;
select id from pk_dec where id > 1 order by id;
select id from pk_dec order by id;

create table pk_text(id varchar(10) primary key, n int);
insert into pk_text values ('apple', 1), ('b', 2), ('banana', 3), ('Cherry', 4), ('', 5), ('cherry', 6);
select id from pk_text where id between 'b' and 'c' order by id;
select id from pk_text where id > 'b' order by id;
select id from pk_text where id >= '' and id < 'apple~' order by id;
select id from pk_text order by id;

create table pk_date(d date primary key, n int);
insert into pk_date values (date '2024-01-01', 1), (date '2024-02-29', 2), (date '2024-03-01', 3), (date '2023-12-31', 4);
select d from pk_date where d between date '2024-01-01' and date '2024-02-29' order by d;
select d from pk_date where d > date '2024-02-28' order by d;
select d from pk_date order by d desc;

create table pk_ts(t timestamp primary key, n int);
insert into pk_ts values (timestamp '2024-01-01 00:00:00', 1), (timestamp '2024-01-01 00:00:01', 2), (timestamp '2024-01-01 12:00:00', 3);
select n from pk_ts where t >= timestamp '2024-01-01 00:00:01' order by t;
select n from pk_ts where t < timestamp '2024-01-01 12:00:00' order by t;

create table pk_two(a int, b int, v int, primary key (a, b));
insert into pk_two values (1, 1, 10), (1, 2, 20), (2, 1, 30), (2, 2, 40), (3, 1, 50);
select a, b from pk_two where a between 1 and 2 order by a, b;
select a, b from pk_two where a = 2 and b >= 1 order by a, b;
select a, b from pk_two where a > 1 order by a, b;
select a, b, v from pk_two order by a, b;
