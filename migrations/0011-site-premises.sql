-- What a site is, for the VAT rate of work there (art. 41 ust. 12–12c of the VAT act): a house or a
-- flat (with its usable area: the social-housing limits are 300 m² and 150 m²) or business premises.
-- Unknown for existing sites: the rate then follows the customer (see job-pricing.ts).
ALTER TABLE sites
  ADD COLUMN premises_kind text CHECK (premises_kind IN ('house', 'flat', 'non_residential')),
  ADD COLUMN usable_area_m2 numeric(8, 2) CHECK (usable_area_m2 > 0);
