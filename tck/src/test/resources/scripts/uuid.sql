-- UUID: declaration, text, UUID '...' literals and 16-byte binary strings converted to it,
-- keys, comparisons with text, casts, RANDOM_UUID() as a default, and conversion errors.
create table things(id uuid primary key, parent uuid, name varchar(20));
insert into things values ('12345678-1234-1234-1234-123456789abc', null, 'text');
insert into things values (uuid '00000000-0000-0000-0000-000000000001', '12345678-1234-1234-1234-123456789abc', 'literal');
insert into things values ('ABCDEF01-2345-6789-ABCD-EF0123456789', '00000000-0000-0000-0000-000000000001', 'upper, no dashes');
insert into things values (cast(X'0102030405060708090a0b0c0d0e0f10' as uuid), null, 'binary');
select id, parent, name from things where name = 'text';
select name from things where id = '12345678-1234-1234-1234-123456789abc';
select name from things where id = uuid 'abcdef01-2345-6789-abcd-ef0123456789';
select name from things where parent = '00000000-0000-0000-0000-000000000001';
select t.name, r.name as refers from things t join things r on t.parent = r.id order by t.name;
select cast(id as varchar(36)) as s from things where name = 'binary';
select cast(id as binary(16)) as b from things where name = 'text';
select count(*) as n, count(distinct id) as d, count(parent) as p from things;
select name from things where id in ('12345678-1234-1234-1234-123456789abc', '00000000-0000-0000-0000-000000000001') order by name;
update things set name = 'changed' where id = '00000000-0000-0000-0000-000000000001';
select name from things where parent is null order by name;
delete from things where id = cast(X'0102030405060708090a0b0c0d0e0f10' as uuid);
select count(*) as n from things;

-- Order: by the 16 bytes as an unsigned number (H2, PostgreSQL), for ORDER BY and comparisons.
create table ordered(id uuid primary key, n int);
insert into ordered values ('80000000-0000-0000-0000-000000000000', 1), ('ffffffff-ffff-ffff-ffff-ffffffffffff', 2);
insert into ordered values ('00000000-0000-0000-0000-000000000001', 3), ('7fffffff-ffff-ffff-8000-000000000000', 4);
insert into ordered values ('7fffffff-ffff-ffff-0000-000000000000', 5), ('00000000-0000-0000-ffff-ffffffffffff', 8);
create table nullable(id int primary key, u uuid);
insert into nullable values (1, 'ffffffff-ffff-ffff-ffff-ffffffffffff'), (2, null), (3, '00000000-0000-0000-0000-000000000001');
select id from nullable order by u;
select id from nullable order by u desc;
select id from nullable order by u nulls last;
select id, n from ordered order by id;
select id, n from ordered order by id desc;
select n from ordered order by id limit 3;
select n from ordered order by id desc offset 1 rows fetch next 2 rows only;
select n from ordered where id > uuid '7fffffff-ffff-ffff-0000-000000000000' order by n;
select n from ordered where id >= '7FFFFFFF-FFFF-FFFF-0000-000000000000' order by n;
select n from ordered where id < '00000000-0000-0000-ffff-ffffffffffff' order by n;
select n from ordered where id between '00000000-0000-0000-0000-000000000002' and '80000000-0000-0000-0000-000000000000' order by n;
select n from ordered where id = '7FFFFFFF-FFFF-FFFF-8000-000000000000';
select n from ordered where id in ('7FFFFFFF-FFFF-FFFF-8000-000000000000', '800000000000000000000000000000000', '80000000000000000000000000000000') order by n;
select n from ordered where id not in ('7FFFFFFF-FFFF-FFFF-8000-000000000000', '00000000-0000-0000-0000-000000000001') order by n;
select n from ordered where id <> '7fffffff-ffff-ffff-8000-000000000000' order by n;
select a.n, b.n as m from ordered a join ordered b on a.id < b.id where a.n = 4 order by m;
select distinct id from ordered order by id;
select min(id) as lo, max(id) as hi, count(*) as n from ordered;
select n > 3 as big, min(id) as lo, max(id) as hi from ordered group by n > 3 order by big;
select max(id) as hi from ordered where n > 100;
select id, count(*) as c from ordered group by id order by id;

-- A key is unique; a foreign key may be a UUID.
insert into things values ('12345678-1234-1234-1234-123456789abc', null, 'again');
create table links(id int primary key, thing uuid references things(id));
insert into links values (1, '12345678-1234-1234-1234-123456789abc');
select l.id, t.name from links l join things t on l.thing = t.id;

-- Text that is not a UUID, a binary string of another length, a number: 22018.
insert into things values ('not a uuid', null, 'bad');
insert into things values ('12345678-1234-1234-1234-123456789ab', null, 'short');
select cast('zz' as uuid) as u from things where name = 'text';
insert into things values (X'0102', null, 'two bytes');

-- RANDOM_UUID(): a new value for each row, version 4 by default or 7.
create table made(id uuid default random_uuid() primary key, n int);
insert into made(n) values (1), (2), (3);
insert into made(n) values (4);
select count(distinct id) as d, count(*) as n from made;
select n from made where id is not null order by n;
select cast(substring(cast(random_uuid() as varchar) from 15 for 1) as varchar(1)) as version from made where n = 1;
select cast(substring(cast(random_uuid(7) as varchar) from 15 for 1) as varchar(1)) as version from made where n = 1;
select substring(cast(random_uuid(4) as varchar) from 20 for 1) in ('8', '9', 'a', 'b') as v from made where n = 1;

-- Text without dashes.
insert into things values ('0000000000000000000000000000000f', null, 'no dashes');
