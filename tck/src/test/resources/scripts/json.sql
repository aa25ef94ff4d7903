-- SQL/JSON functions (Calcite's standard operators). H2 2.3 has JSON_OBJECT and JSON_ARRAY with
-- its own JSON type, and no JSON_VALUE, JSON_QUERY or JSON_EXISTS, so every statement records
-- vsl's outcome.
create table docs (id int primary key, doc varchar(200));
insert into docs values (1, '{"name": "Ada", "tags": ["x", "y"], "age": 36}'), (2, '{"name": "Grace"}'), (3, 'not json');
-- differs: H2 types JSON_OBJECT's result as its JSON type; vsl as VARCHAR
-- vsl: Outcome[columns=[O], types=[STRING], rows=[[{"k":2,"n":null}]], updateCount=-1, error=null]
select json_object('k': 2, 'n': null) as o from docs where id = 1;
-- differs: H2 types JSON_ARRAY's result as its JSON type; vsl as VARCHAR
-- vsl: Outcome[columns=[A], types=[STRING], rows=[[[1,"x",true]]], updateCount=-1, error=null]
select json_array(1, 'x', true) as a from docs where id = 1;
-- differs: H2 2.3 has no JSON_VALUE
-- vsl: Outcome[columns=[ID, NAME], types=[INTEGER, STRING], rows=[[1, Ada], [2, Grace]], updateCount=-1, error=null]
select id, json_value(doc, '$.name') as name from docs where doc is json order by id;
-- differs: H2 2.3 has no JSON_VALUE
-- vsl: Outcome[columns=[ID, AGE], types=[INTEGER, INTEGER], rows=[[1, 36], [2, null]], updateCount=-1, error=null]
select id, json_value(doc, '$.age' returning integer) as age from docs where doc is json order by id;
-- differs: H2 2.3 has no JSON_QUERY
-- vsl: Outcome[columns=[ID, TAGS], types=[INTEGER, STRING], rows=[[1, ["x","y"]], [2, null]], updateCount=-1, error=null]
select id, json_query(doc, '$.tags') as tags from docs where doc is json order by id;
-- differs: H2 2.3 has no JSON_EXISTS
-- vsl: Outcome[columns=[ID, HAS], types=[INTEGER, BOOLEAN], rows=[[1, true], [2, false]], updateCount=-1, error=null]
select id, json_exists(doc, '$.tags[1]') as has from docs where doc is json order by id;
-- differs: H2 2.3 has no IS JSON OBJECT
-- vsl: Outcome[columns=[ID, J, O], types=[INTEGER, BOOLEAN, BOOLEAN], rows=[[1, true, true], [2, true, true], [3, false, false]], updateCount=-1, error=null]
select id, doc is json as j, doc is json object as o from docs order by id;
-- differs: H2 2.3 has no JSON_VALUE; a strict path that finds nothing is SQL/JSON error 2203A
-- vsl: Outcome[columns=[], types=[], rows=[], updateCount=-1, error=2203A]
select json_value(doc, 'strict $.missing' error on error) as v from docs where id = 2;
