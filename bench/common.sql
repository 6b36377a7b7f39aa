-- Helpers shared by the benchmarks: time a query in the server, best of N.
CREATE SCHEMA IF NOT EXISTS bench;

-- Milliseconds of the fastest of reps runs of the query (result discarded).
CREATE FUNCTION bench.best_ms(query text, reps int DEFAULT 3) RETURNS float8
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	best float8 := 'Infinity';
	dummy record;
BEGIN
	FOR i IN 1 .. reps LOOP
		t0 := clock_timestamp();
		EXECUTE query INTO dummy;
		best := least(best, extract(epoch FROM clock_timestamp() - t0) * 1000);
	END LOOP;
	RETURN best;
END $$;
