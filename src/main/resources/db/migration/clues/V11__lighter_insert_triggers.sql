-- The insert triggers of V9 cost three quarters of the database's time for a batch of web tips (12 clues copied into
-- clue and rolled back, 300 times, PostgreSQL 15, the machine otherwise idle: 3.5 ms a batch with the triggers, 0.8 ms
-- without). Two causes, each removed here without changing what is written, and an index nobody reads:
--
-- 1. The daily statistics went through clue_daily_apply, an SQL function (parsed and planned again on every call) over
--    clue_daily_deltas, for clues that can only count as received: a new clue with no triage, transfer, verification,
--    closing, reply, due date or merge has exactly one delta, received +1 on the day it was received (clue_daily_deltas
--    gives nothing else for it). Those are now counted by one grouped upsert whose plan PL/pgSQL keeps; clues inserted
--    with a history (imports, the demo's replay) still go through clue_daily_apply. (-1.1 ms a batch)
-- 2. Every band row checked its foreign key to clue: up to 16 lookups a clue (13 on average), for rows the trigger itself has just derived
--    from that clue. The bands are derived data, like clue_daily (which has no foreign key either); a deleted clue's
--    bands are now deleted by the delete trigger. (-0.6 to -0.9 ms a batch)
--
-- ClueDailyTests and the similarity tests check the results against clue_daily_rebuild() and clue_bands().

create or replace function clue_daily_inserted() returns trigger language plpgsql as $$
begin
  insert into clue_daily as t (round_id, day, group_number, region_code, officials_named, region_path, received)
  select coalesce(n.round_id, 0), clue_day(n.received_at), coalesce(n.group_number, 0), n.region_code,
         n.officials_named, min(n.region_path), count(*)
  from new_clues n
  where n.triaged_at is null and n.transferred_at is null and n.verified_at is null and n.closed_at is null
    and n.replied_at is null and n.due_on is null and n.merged_at is null
  group by 1, 2, 3, 4, 5
  order by 1, 2, 3, 4, 5
  on conflict (round_id, day, group_number, region_code, officials_named) do update
    set received = t.received + excluded.received;
  if exists (select 1 from new_clues n
             where n.triaged_at is not null or n.transferred_at is not null or n.verified_at is not null
                or n.closed_at is not null or n.replied_at is not null or n.due_on is not null
                or n.merged_at is not null) then
    perform clue_daily_apply((select array_agg(n::clue) from new_clues n
                              where n.triaged_at is not null or n.transferred_at is not null
                                 or n.verified_at is not null or n.closed_at is not null or n.replied_at is not null
                                 or n.due_on is not null or n.merged_at is not null), 1);
  end if;
  return null;
end $$;

alter table clue_band drop constraint clue_band_clue_id_fkey;

create or replace function clue_daily_deleted() returns trigger language plpgsql as $$
begin
  delete from clue_band where clue_id in (select o.id from old_clues o);
  perform clue_daily_apply((select array_agg(o::clue) from old_clues o), -1);
  return null;
end $$;

-- 3. The GIN trigram index over every clue's description has had no reader since V7: the re-review check uses the
--    partial index over the closed-untrue clues, the clue list's text search the index over search_text (which holds
--    the description), and the similar-clues query reads its candidates through the bands. Every tip still wrote about
--    forty trigrams into it.
drop index clue_description_trgm_idx;
