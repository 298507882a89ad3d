/**
 * Clues (线索): public tips about gang and "evil force" crime, from every channel (hotline, letter, walk-in, sweep,
 * transfer, the web form), each with a gap-free yearly serial and a receipt code for the reporter; the reporter's
 * identity encrypted per clue (SM4-GCM) and revealed only with a recorded reason; routing that keeps a clue naming
 * officials away from the district it implicates and from anyone it names; triage, transfer, assignment with a time
 * limit in working days, verification, review, the reply to the reporter and closure, owned by the {@link
 * dudao.clues.Clue} aggregate; supervision of the handling unit's time limit and of the 30-day reply rule through the
 * deadlines module; duplicate detection (MinHash bands and pg_trgm, blind index, named persons), merge and split; the
 * ledger export and the funnel statistics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clues")
package dudao.clues;
