-- Bounded retrieval of likely duplicates (ADR 0003): each clue's description, as the character pairs in clue.grams,
-- is summarised by one-permutation MinHash. Every pair is hashed once; the hash's low 4 bits put it in one of 16 bins,
-- and each non-empty bin keeps its smallest remaining hash. Two texts share a bin's minimum with a probability close
-- to the Jaccard similarity of their pair sets, so a re-worded tip shares several bins with the original and an
-- unrelated one next to none. A band is the bin's minimum hashed with the bin number and the district's region path,
-- so a bucket only ever holds clues of one district. `similar` reads a fixed number of the newest clues from each of
-- the clue's buckets (an index range scan), whatever the number of clues.
create function clue_bands(grams text, region_path text) returns bigint[]
    language sql immutable strict parallel safe as $$
  select coalesce(array_agg(hashtextextended(region_path || ' ' || bin::text || ' ' || m::text, 0) order by bin), '{}')
  from (select h & 15 as bin, min(h >> 4) as m
        from (select hashtextextended(p, 0) as h from unnest(string_to_array(grams, ' ')) p where p <> '') x
        group by 1) b
$$;

create table clue_band (
  band    bigint not null,
  clue_id bigint not null references clue (id),
  primary key (band, clue_id)
);

-- A trigger rather than application code: every way a clue's text or district is written (intake, import, demo data,
-- the benchmark's generator) keeps its bands, with no second implementation of the hash to drift apart.
create function clue_band_sync() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    delete from clue_band where clue_id = old.id and band = any (clue_bands(old.grams, old.region_path));
  end if;
  insert into clue_band (band, clue_id)
  select b, new.id from unnest(clue_bands(new.grams, new.region_path)) b
  on conflict do nothing;
  return null;
end $$;

create trigger clue_band_on_insert after insert on clue
  for each row execute function clue_band_sync();
create trigger clue_band_on_update after update of grams, region_path on clue
  for each row when (old.grams is distinct from new.grams or old.region_path is distinct from new.region_path)
  execute function clue_band_sync();

insert into clue_band (band, clue_id)
select b, c.id from clue c, unnest(clue_bands(c.grams, c.region_path)) b
on conflict do nothing;
