-- How far ahead the scheduler has opened each plan's visits: a plan whose next horizon
-- (today + lead days) is already covered is not opened again until the horizon moves, so a
-- scheduler run every 15 minutes touches each plan about once a day instead of every time.
-- NULL: not scheduled since this column came (the next run does it).
ALTER TABLE maintenance_plans ADD COLUMN scheduled_through date;
