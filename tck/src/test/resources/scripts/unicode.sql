-- Text outside ISO-8859-1 in literals and values; lengths count UTF-16 code units, as in H2
-- (a character outside the Basic Multilingual Plane takes two).
create table u (id int primary key, c char(3), v varchar(4));
insert into u values (1, '€', '€uro');
insert into u values (2, 'ü😀', '😀😀');
insert into u values (3, '😀😀', 'x');
insert into u values (4, 'x', '😀😀😀');
select id, c, v, cast(char_length(v) as bigint) as n from u order by id;
select id from u where v = '€uro';
select upper('straße €') as s, lower('ÄÖÜ') as l from u where id = 1;
select 'ü€😀' || v as t from u where id = 2;
update u set v = '日本語' where id = 1;
select v, cast(char_length(v) as bigint) as n from u where id = 1;
