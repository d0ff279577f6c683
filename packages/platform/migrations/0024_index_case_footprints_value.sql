-- Finding the cases that hold a value ("which cases had this number?"), from the case list's search.
CREATE INDEX case_footprints_value ON case_footprints (value);
