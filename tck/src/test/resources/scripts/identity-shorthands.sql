-- H2's and PostgreSQL's shorthands for identity columns: AUTO_INCREMENT, IDENTITY, SERIAL, BIGSERIAL (docs/SQL.md).
create table a1(id int auto_increment primary key, v varchar(10));
create table a2(id identity, v varchar(10));
create table a3(id serial primary key, v varchar(10));
create table a4(id bigserial, v int);
create table a5(id bigint auto_increment(100, 5) not null, v int);
create table serial(serial int primary key, bigserial int);

insert into a1(v) values ('x'), ('y');
insert into a1 values (10, 'z');
insert into a1(v) values ('after');
insert into a2(v) values ('x');
insert into a3(v) values ('x');
insert into a4(v) values (1), (2);
insert into a5(v) values (1), (2);
insert into serial values (1, 2);

-- differs: an identity column moves its counter past an explicitly given value (docs/SQL.md, "Known differences")
-- vsl: Outcome[columns=[ID, V], types=[INTEGER, STRING], rows=[[1, x], [2, y], [10, z], [11, after]], updateCount=-1, error=null]
select * from a1 order by id;
select * from a2;
select * from a3;
select * from a4 order by id;
select * from a5 order by id;
select * from serial;
select table_name, column_name, data_type, is_identity, is_nullable from information_schema.columns where table_schema = 'PUBLIC' and column_name = 'ID' order by table_name;
select table_name, constraint_type from information_schema.table_constraints where table_schema = 'PUBLIC' and table_name like 'A%' order by table_name;
insert into a2 values (null, 'n');
create table bad(id int auto_increment(1, 2, 3));
