-- The bands and the daily counts of clues inserted together are written together: the insert triggers of V5 and V8
-- fired once per row, so a batch of web tips (IntakeWriter writes up to 256 in one statement) ran the band insert and
-- the daily upsert once per tip and upserted the same daily row once per tip. Statement-level triggers with a
-- transition table do the same work set-wise: one band insert for the statement, one upsert per daily row touched.
-- What they write is unchanged (the same functions compute it); updates stay row by row (one clue at a time).

drop trigger clue_band_on_insert on clue;
drop trigger clue_daily_insert on clue;

create function clue_band_insert() returns trigger language plpgsql as $$
begin
  insert into clue_band (band, clue_id)
  select b, n.id from new_clues n, unnest(clue_bands(n.grams, n.region_path)) b
  order by 1, 2
  on conflict do nothing;
  return null;
end $$;

create trigger clue_band_on_insert after insert on clue
  referencing new table as new_clues
  for each statement execute function clue_band_insert();

-- The daily deltas of a set of clues, added (sg 1) or taken away (sg -1).
create function clue_daily_apply(rows clue[], sg int) returns void language sql as $$
  insert into clue_daily as t (round_id, day, group_number, region_code, officials_named, region_path, received,
                               in_scope, transferred, verified_true, cases, closed, replied, reply_days, overdue)
  select d.round_id, d.day, d.group_number, d.region_code, d.officials_named, min(d.region_path),
         sum(d.received) * sg, sum(d.in_scope) * sg, sum(d.transferred) * sg, sum(d.verified_true) * sg,
         sum(d.cases) * sg, sum(d.closed) * sg, sum(d.replied) * sg, sum(d.reply_days) * sg, sum(d.overdue) * sg
  from unnest(rows) c, lateral clue_daily_deltas(c) d
  group by d.round_id, d.day, d.group_number, d.region_code, d.officials_named
  having sum(d.received) <> 0 or sum(d.in_scope) <> 0 or sum(d.transferred) <> 0 or sum(d.verified_true) <> 0
      or sum(d.cases) <> 0 or sum(d.closed) <> 0 or sum(d.replied) <> 0 or sum(d.reply_days) <> 0
      or sum(d.overdue) <> 0
  order by 1, 2, 3, 4, 5
  on conflict (round_id, day, group_number, region_code, officials_named) do update
    set received = t.received + excluded.received, in_scope = t.in_scope + excluded.in_scope,
        transferred = t.transferred + excluded.transferred, verified_true = t.verified_true + excluded.verified_true,
        cases = t.cases + excluded.cases, closed = t.closed + excluded.closed, replied = t.replied + excluded.replied,
        reply_days = t.reply_days + excluded.reply_days, overdue = t.overdue + excluded.overdue
$$;

create function clue_daily_inserted() returns trigger language plpgsql as $$
begin
  perform clue_daily_apply((select array_agg(n::clue) from new_clues n), 1);
  return null;
end $$;

create function clue_daily_deleted() returns trigger language plpgsql as $$
begin
  perform clue_daily_apply((select array_agg(o::clue) from old_clues o), -1);
  return null;
end $$;

create trigger clue_daily_insert after insert on clue
  referencing new table as new_clues
  for each statement execute function clue_daily_inserted();

create trigger clue_daily_delete after delete on clue
  referencing old table as old_clues
  for each statement execute function clue_daily_deleted();
